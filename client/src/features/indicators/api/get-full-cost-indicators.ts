import { fullCostIndicatorsSchema } from '@ikt/shared/indicators.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { indicatorKeys } from './get-indicators';

/**
 * The cost per user and per computer of each institution on its full cost (own + its share of the
 * central sub-programme), beside the medians and the benchmarks; a lead gets its own institution.
 */
export function useFullCostIndicators(cycleId: number | undefined) {
  return useQuery({
    ...apiQuery(
      [...indicatorKeys.cycle(cycleId ?? 0), 'full-cost'] as const,
      `/api/cycles/${cycleId ?? 0}/indicators/full-cost`,
      fullCostIndicatorsSchema,
    ),
    enabled: cycleId !== undefined,
  });
}
