import type { User } from '@ikt/shared/auth.schema';
import { useRef } from 'react';
import { useMe } from '../api/auth/get-me';

/**
 * The signed-in user, for pages inside <RequireSession> (which renders them only with one). When
 * the session ends, a page may render once more before the guard takes it away: it sees the user
 * it had, not a crash.
 */
export function useUser(): User {
  const user = useMe().data;
  const last = useRef(user);
  if (user) last.current = user;
  if (!last.current) throw new Error('useUser is for pages behind <RequireSession>');
  return last.current;
}
