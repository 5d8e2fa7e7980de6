import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetDrafts } from '../../../utils/draft-store';
import { forgetSession, useLogout } from '../../../api/auth/logout';
import { LOGIN_PATH } from '../../../utils/login-redirect';

/**
 * Signs out: ends the session on the server, goes to the sign-in page and forgets the user and
 * their data. The page changes first, so the session guard never sees the user vanish (it would
 * otherwise redirect with a `next` back to a page the user chose to leave). If the server could
 * not end the session the user stays signed in and the mutation carries the error. Drafts kept
 * of unsaved work go too.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useLogout();
  return {
    signOut: () =>
      logout.mutate(undefined, {
        onSuccess: async () => {
          await navigate(LOGIN_PATH, { flushSync: true });
          forgetSession(queryClient);
          // Work kept for a sign-in after an expired session is not for whoever comes next.
          forgetDrafts();
        },
      }),
    isPending: logout.isPending,
    isError: logout.isError,
  };
}
