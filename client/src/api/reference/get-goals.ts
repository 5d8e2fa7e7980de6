import { goalListSchema, type Goal } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from './reference-keys';

export function getGoals(options?: RequestOptions): Promise<Goal[]> {
  return apiGet('/api/goals', goalListSchema, options);
}

export function goalsQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.goals(),
    queryFn: ({ signal }) => getGoals({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useGoals() {
  return useQuery(goalsQueryOptions());
}
