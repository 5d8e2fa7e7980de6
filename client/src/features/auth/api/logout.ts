import { useMutation, type QueryClient } from '@tanstack/react-query';
import { apiPostNoContent } from '../../../api/client';
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
