import { meSchema, type User } from '@ikt/shared/auth.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiGet, type RequestOptions } from '../client';
import { authKeys } from './auth-keys';

/** The signed-in user, or null when there is no live session (the server's 401 is the answer). */
export async function getMe(options?: RequestOptions): Promise<User | null> {
  try {
    const { user } = await apiGet('/api/auth/me', meSchema, options);
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The session as the client knows it: a user, null (signed out or expired) or not yet known.
 * Sign-in writes it, sign-out and any 401 set it to null (see app/query-client.ts).
 */
export function meQueryOptions() {
  return queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe({ signal }),
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}
