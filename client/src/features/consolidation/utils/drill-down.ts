import type { ConsolidationDimension, ConsolidationRow } from '@ikt/shared/consolidation.schema';
import { COST_NATURES, REVIEW_STATUSES } from '@ikt/shared/domain';
import type { ConsolidationParams } from '../../../api/consolidation/consolidation-keys';

/** Where a row of the consolidation leads one level down, or undefined where the API cannot narrow further. */
export type DrillTarget =
  { kind: 'view'; params: Omit<ConsolidationParams, 'cycleId'> } | { kind: 'sub-programme'; code: string };

export function drillTarget(
  by: ConsolidationDimension,
  row: Pick<ConsolidationRow, 'key'>,
  current: Omit<ConsolidationParams, 'cycleId' | 'by'>,
): DrillTarget | undefined {
  if (row.key === '') return undefined;
  switch (by) {
    case 'institution':
      return { kind: 'view', params: { ...current, by: 'sub_programme', institution: row.key } };
    case 'cost_nature':
      return COST_NATURES.some((nature) => nature === row.key)
        ? {
            kind: 'view',
            params: { ...current, by: 'sub_programme', costNature: row.key as ConsolidationParams['costNature'] },
          }
        : undefined;
    case 'review_status':
      return REVIEW_STATUSES.some((status) => status === row.key) && row.key !== 'cut'
        ? {
            kind: 'view',
            params: { ...current, by: 'sub_programme', reviewStatus: row.key as ConsolidationParams['reviewStatus'] },
          }
        : undefined;
    case 'sub_programme':
      return { kind: 'sub-programme', code: row.key };
    default:
      return undefined;
  }
}

/** The page's address for a consolidation view (the view lives in the URL, so it can be shared). */
export function consolidationSearch(cycleId: number, params: Omit<ConsolidationParams, 'cycleId'>): string {
  const search = new URLSearchParams({ cycle: String(cycleId), by: params.by });
  if (params.institution) search.set('institution', params.institution);
  if (params.costNature) search.set('costNature', params.costNature);
  if (params.reviewStatus) search.set('reviewStatus', params.reviewStatus);
  return `?${search.toString()}`;
}
