import { ekkCodeListSchema, type EkkCode } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from '../../../api/reference/reference-keys';

export function getEkkCodes(options?: RequestOptions): Promise<EkkCode[]> {
  return apiGet('/api/ekk-codes', ekkCodeListSchema, options);
}

export function ekkCodesQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.ekkCodes(),
    queryFn: ({ signal }) => getEkkCodes({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useEkkCodes() {
  return useQuery(ekkCodesQueryOptions());
}
