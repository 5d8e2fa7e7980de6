import { userSchema } from '@ikt/shared/auth.schema';
import type { CreateUserInput } from '@ikt/shared/user.schema';
import { apiPost } from '../../../api/client';
import { useInvalidatingMutation } from '../../../api/query';
import { userKeys } from './user-keys';

export function useCreateUser() {
  return useInvalidatingMutation((input: CreateUserInput) => apiPost('/api/users', input, userSchema), userKeys.all);
}
