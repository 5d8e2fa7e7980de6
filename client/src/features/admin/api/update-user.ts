import { userSchema } from '@ikt/shared/auth.schema';
import type { UpdateUserInput } from '@ikt/shared/user.schema';
import { apiPatch } from '../../../api/client';
import { useInvalidatingMutation } from '../../../api/query';
import { userKeys } from './user-keys';

/** Role, institution, name, a new password, or disabling; the server ends the user's sessions when needed. */
export function useUpdateUser() {
  return useInvalidatingMutation(
    ({ id, changes }: { id: number; changes: UpdateUserInput }) => apiPatch(`/api/users/${id}`, changes, userSchema),
    userKeys.all,
  );
}
