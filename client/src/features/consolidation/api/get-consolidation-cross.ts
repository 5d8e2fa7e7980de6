import { consolidationCrossSchema, type ConsolidationCross } from '@ikt/shared/consolidation.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
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
export function getConsolidationCross(params: CrossParams, options?: RequestOptions): Promise<ConsolidationCross> {
  return apiGet(consolidationCrossPath(params), consolidationCrossSchema, options);
}

export function consolidationCrossQueryOptions(params: CrossParams, language: string) {
  return queryOptions({
    queryKey: consolidationKeys.cross(params, language),
    queryFn: ({ signal }) => getConsolidationCross(params, { signal }),
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
