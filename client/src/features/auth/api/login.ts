import { meSchema, type LoginInput, type User } from '@ikt/shared/auth.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { authKeys } from '../../../api/auth/auth-keys';

/** Signs in; the server sets the httpOnly session cookie and answers the user. */
export async function login(input: LoginInput): Promise<User> {
  const { user } = await apiPost('/api/auth/login', input, meSchema);
  return user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: authKeys.login(),
    mutationFn: login,
    // A 401 here is "wrong email or password", shown on the form; the session has not ended.
    meta: { unauthorizedIsAnswer: true },
    onSuccess: (user) => {
      // Whatever is cached belonged to an earlier session, perhaps another user's.
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), user);
    },
  });
}
