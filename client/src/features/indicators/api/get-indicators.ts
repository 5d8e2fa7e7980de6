import { indicatorsSchema, type Indicators } from '@ikt/shared/indicators.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';

export const indicatorKeys = {
  all: ['indicators'] as const,
  cycle: (cycleId: number) => [...indicatorKeys.all, cycleId] as const,
};

/** The M6 indicators of a cycle beside the benchmarks and last year. */
export function getIndicators(cycleId: number, options?: RequestOptions): Promise<Indicators> {
  return apiGet(`/api/cycles/${cycleId}/indicators`, indicatorsSchema, options);
}

export function indicatorsQueryOptions(cycleId: number) {
  return queryOptions({
    queryKey: indicatorKeys.cycle(cycleId),
    queryFn: ({ signal }) => getIndicators(cycleId, { signal }),
  });
}

export function useIndicators(cycleId: number | undefined) {
  return useQuery({ ...indicatorsQueryOptions(cycleId ?? 0), enabled: cycleId !== undefined });
}
