import { userSchema, type User } from '@ikt/shared/auth.schema';
import type { UpdateUserInput } from '@ikt/shared/user.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { userKeys } from './user-keys';

/** Role, institution, name, a new password, or disabling; the server ends the user's sessions when needed. */
export function updateUser({ id, changes }: { id: number; changes: UpdateUserInput }): Promise<User> {
  return apiPatch(`/api/users/${id}`, changes, userSchema);
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
