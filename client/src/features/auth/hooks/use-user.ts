import type { User } from '@ikt/shared/auth.schema';
import { useMe } from '../api/get-me';

/** The signed-in user, for pages inside <RequireSession> (which renders them only with one). */
export function useUser(): User {
  const user = useMe().data;
  if (!user) throw new Error('useUser is for pages behind <RequireSession>');
  return user;
}
