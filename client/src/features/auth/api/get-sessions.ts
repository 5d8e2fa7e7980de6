import { sessionListSchema } from '@ikt/shared/auth.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { sessionKeys } from '../../../api/auth/auth-keys';

/** The signed-in user's live sessions, newest first, the current one marked. */
export function useSessions() {
  return useQuery(apiQuery(sessionKeys.list(), '/api/auth/sessions', sessionListSchema));
}
