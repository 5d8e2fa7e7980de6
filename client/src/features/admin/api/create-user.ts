import { userSchema, type User } from '@ikt/shared/auth.schema';
import type { CreateUserInput } from '@ikt/shared/user.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { userKeys } from './user-keys';

export function createUser(input: CreateUserInput): Promise<User> {
  return apiPost('/api/users', input, userSchema);
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}
