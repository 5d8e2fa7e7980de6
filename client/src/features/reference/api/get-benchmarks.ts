import { benchmarkListSchema, type Benchmark } from '@ikt/shared/reference.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from '../../../api/reference/reference-keys';

export function getBenchmarks(options?: RequestOptions): Promise<Benchmark[]> {
  return apiGet('/api/benchmarks', benchmarkListSchema, options);
}

export function benchmarksQueryOptions() {
  return queryOptions({
    queryKey: referenceKeys.benchmarks(),
    queryFn: ({ signal }) => getBenchmarks({ signal }),
    staleTime: REFERENCE_STALE_TIME_MS,
  });
}

export function useBenchmarks() {
  return useQuery(benchmarksQueryOptions());
}
