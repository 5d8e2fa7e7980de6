import { indicatorsAnswerSchema, type IndicatorsAnswer } from '@ikt/shared/indicators.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';

export const indicatorKeys = {
  all: ['indicators'] as const,
  cycle: (cycleId: number) => [...indicatorKeys.all, cycleId] as const,
};

/**
 * The M6 indicators of a cycle beside the benchmarks and last year: the city's, or for a lead
 * before the cycle is approved only its own institution's ICT budget.
 */
export function getIndicators(cycleId: number, options?: RequestOptions): Promise<IndicatorsAnswer> {
  return apiGet(`/api/cycles/${cycleId}/indicators`, indicatorsAnswerSchema, options);
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
