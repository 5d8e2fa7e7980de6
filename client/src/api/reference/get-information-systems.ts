import { informationSystemListSchema, type InformationSystem } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from './reference-keys';

export function getInformationSystems(options?: RequestOptions): Promise<InformationSystem[]> {
  return apiGet('/api/information-systems', informationSystemListSchema, options);
}

export function informationSystemsQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.informationSystems(),
    queryFn: ({ signal }) => getInformationSystems({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useInformationSystems() {
  return useQuery(informationSystemsQueryOptions());
}
