import { sessionListSchema, type Session } from '@ikt/shared/auth.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { sessionKeys } from '../../../api/auth/auth-keys';

/** The signed-in user's live sessions, newest first, the current one marked. */
export function getSessions(options?: RequestOptions): Promise<Session[]> {
  return apiGet('/api/auth/sessions', sessionListSchema, options);
}

export function sessionsQueryOptions() {
  return queryOptions({ queryKey: sessionKeys.list(), queryFn: ({ signal }) => getSessions({ signal }) });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}
