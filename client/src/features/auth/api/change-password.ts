import type { ChangePasswordInput } from '@ikt/shared/auth.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPostNoContent } from '../../../api/client';
import { authKeys, sessionKeys } from '../../../api/auth/auth-keys';

/** A new password for the signed-in user (204); the server ends every other session of theirs. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return apiPostNoContent('/api/auth/password', input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: authKeys.changePassword(),
    mutationFn: changePassword,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}
