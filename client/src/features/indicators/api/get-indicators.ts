import { indicatorsAnswerSchema } from '@ikt/shared/indicators.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';

export const indicatorKeys = {
  all: ['indicators'] as const,
  cycle: (cycleId: number) => [...indicatorKeys.all, cycleId] as const,
};

/**
 * The M6 indicators of a cycle beside the benchmarks and last year: the city's, or for a lead
 * before the cycle is approved only its own institution's ICT budget.
 */
export function useIndicators(cycleId: number | undefined) {
  return useQuery({
    ...apiQuery(indicatorKeys.cycle(cycleId ?? 0), `/api/cycles/${cycleId ?? 0}/indicators`, indicatorsAnswerSchema),
    enabled: cycleId !== undefined,
  });
}
