import { userSchema } from '@ikt/shared/auth.schema';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiQuery } from '../../../api/query';
import { userKeys } from './user-keys';

/** Every user (administrators only). */
export function useUsers() {
  return useQuery(apiQuery(userKeys.list(), '/api/users', z.array(userSchema)));
}
