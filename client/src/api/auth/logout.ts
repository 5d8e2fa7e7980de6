import { useMutation, type QueryClient } from '@tanstack/react-query';
import { apiPostNoContent } from '../client';
import { authKeys } from './auth-keys';

/** Ends the session on the server (204). No body and no content-type, as the server requires. */
export function logout(): Promise<void> {
  return apiPostNoContent('/api/auth/logout');
}

export function useLogout() {
  return useMutation({ mutationKey: authKeys.logout(), mutationFn: logout });
}

/** Forgets the signed-in user and everything fetched in their name. */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(authKeys.me(), null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
}

/**
 * A request made outside React Query (the grid's saves) met a 401: the session has ended. The
 * session guard, watching the user, takes the user to sign in and back to this page afterwards.
 */
export function sessionEnded(queryClient: QueryClient): void {
  queryClient.setQueryData(authKeys.me(), null);
}
