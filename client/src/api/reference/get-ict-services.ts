import { ictServiceListSchema, type IctService } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from './reference-keys';

export function getIctServices(options?: RequestOptions): Promise<IctService[]> {
  return apiGet('/api/ict-services', ictServiceListSchema, options);
}

export function ictServicesQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.ictServices(),
    queryFn: ({ signal }) => getIctServices({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useIctServices() {
  return useQuery(ictServicesQueryOptions());
}
