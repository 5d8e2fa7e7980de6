import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import type { ApiRequestMeta } from '../api/query-meta';
import { sessionEnded } from '../api/auth/logout';

const MAX_RETRIES = 2;

/** A 4xx will answer the same way again, so only network trouble and 5xx are retried. */
function shouldRetry(failureCount: number, error: Error): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (error instanceof ApiError && error.kind === 'invalid-response') return false;
  return failureCount < MAX_RETRIES;
}

/** A 401 means the session has ended (expired, signed out elsewhere), unless the request expects one. */
export function endsSession(error: unknown, meta: ApiRequestMeta | undefined): boolean {
  return error instanceof ApiError && error.status === 401 && meta?.unauthorizedIsAnswer !== true;
}

export function createQueryClient(): QueryClient {
  // Any request that meets a 401 marks the session as gone; the session guard, which watches it,
  // then sends the user to the sign-in page and back here afterwards.
  const onError = (error: unknown, meta: ApiRequestMeta | undefined) => {
    if (endsSession(error, meta)) sessionEnded(queryClient);
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.meta) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _result, mutation) => onError(error, mutation.meta),
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
    },
  });
  return queryClient;
}
