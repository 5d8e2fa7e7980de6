import { userSchema, type User } from '@ikt/shared/auth.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, type RequestOptions } from '../../../api/client';
import { userKeys } from './user-keys';

const userListSchema = z.array(userSchema);

/** Every user (administrators only). */
export function getUsers(options?: RequestOptions): Promise<User[]> {
  return apiGet('/api/users', userListSchema, options);
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: userKeys.list(), queryFn: ({ signal }) => getUsers({ signal }) });
}

export function useUsers() {
  return useQuery(usersQueryOptions());
}
