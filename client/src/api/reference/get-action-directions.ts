import { actionDirectionListSchema, type ActionDirection } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from './reference-keys';

export function getActionDirections(options?: RequestOptions): Promise<ActionDirection[]> {
  return apiGet('/api/action-directions', actionDirectionListSchema, options);
}

export function actionDirectionsQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.actionDirections(),
    queryFn: ({ signal }) => getActionDirections({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useActionDirections() {
  return useQuery(actionDirectionsQueryOptions());
}
