import { institutionListSchema, type Institution } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from './reference-keys';

export function getInstitutions(options?: RequestOptions): Promise<Institution[]> {
  return apiGet('/api/institutions', institutionListSchema, options);
}

export function institutionsQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.institutions(),
    queryFn: ({ signal }) => getInstitutions({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useInstitutions() {
  return useQuery(institutionsQueryOptions());
}
