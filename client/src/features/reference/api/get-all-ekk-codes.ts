import { ekkCodeListSchema, type EkkCode } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from '../../../api/reference/reference-keys';

/** Every EKK code, retired ones included — what an administrator maintains. */
export function getAllEkkCodes(options?: RequestOptions): Promise<EkkCode[]> {
  return apiGet('/api/ekk-codes?includeRetired=true', ekkCodeListSchema, options);
}

export function allEkkCodesQueryOptions() {
  return queryOptions({
    queryKey: [...referenceKeys.ekkCodes(), 'with-retired'] as const,
    queryFn: ({ signal }) => getAllEkkCodes({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useAllEkkCodes() {
  return useQuery(allEkkCodesQueryOptions());
}
