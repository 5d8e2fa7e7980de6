import { consolidationCrossSchema } from '@ikt/shared/consolidation.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { useI18n } from '../../../i18n/i18n-context';
import { consolidationKeys, type CrossParams } from '../../../api/consolidation/consolidation-keys';

export function consolidationCrossPath({ cycleId, fiscalYear, ekkLevel }: CrossParams): string {
  const query = new URLSearchParams({
    rows: 'institution',
    columns: 'ekk',
    fiscalYear: String(fiscalYear),
    ekkLevel: String(ekkLevel),
  });
  return `/api/cycles/${cycleId}/consolidation/cross?${query.toString()}`;
}

/** One fiscal year by institution and EKK; a lead's answer holds its own institution only. */
export function consolidationCrossQueryOptions(params: CrossParams, language: string) {
  return queryOptions({
    ...apiQuery(consolidationKeys.cross(params, language), consolidationCrossPath(params), consolidationCrossSchema),
    placeholderData: keepPreviousData,
  });
}

export function useConsolidationCross(params: CrossParams | undefined) {
  const { language } = useI18n();
  return useQuery({
    ...consolidationCrossQueryOptions(params ?? { cycleId: 0, fiscalYear: 0, ekkLevel: 2 }, language),
    enabled: params !== undefined,
  });
}
