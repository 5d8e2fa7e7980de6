import { consolidationSchema } from '@ikt/shared/consolidation.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { useI18n } from '../../../i18n/i18n-context';
import { consolidationKeys, type ConsolidationParams } from '../../../api/consolidation/consolidation-keys';

export function consolidationPath({ cycleId, by, institution, costNature, reviewStatus }: ConsolidationParams): string {
  const query = new URLSearchParams({ by });
  if (institution) query.set('institution', institution);
  if (costNature) query.set('costNature', costNature);
  if (reviewStatus) query.set('reviewStatus', reviewStatus);
  return `/api/cycles/${cycleId}/consolidation?${query.toString()}`;
}

/** The consolidated budget by one dimension, per fiscal year, against last year. */
export function consolidationQueryOptions(params: ConsolidationParams, language: string) {
  return queryOptions({
    ...apiQuery(consolidationKeys.view(params, language), consolidationPath(params), consolidationSchema),
    // Switching the grouping keeps the last table on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useConsolidation(params: ConsolidationParams | undefined) {
  const { language } = useI18n();
  return useQuery({
    ...consolidationQueryOptions(params ?? { cycleId: 0, by: 'institution' }, language),
    enabled: params !== undefined,
  });
}
