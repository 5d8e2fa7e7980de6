import { tbmCategoryListSchema } from '@ikt/shared/reference.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from '../../../api/reference/reference-keys';

/** The two TBM lists (DESIGN §11): cost pools (EKK codes map to them) and towers (ICT services do). */
export const tbmKeys = {
  costPools: () => [...referenceKeys.all, 'tbm-cost-pools'] as const,
  towers: () => [...referenceKeys.all, 'tbm-towers'] as const,
};

export const TBM_PATHS = { costPools: '/api/tbm-cost-pools', towers: '/api/tbm-towers' } as const;

export type TbmList = keyof typeof TBM_PATHS;

/** One TBM list's query, for its table and for the count beside its name. */
export const tbmQuery = (list: TbmList) =>
  apiQuery(tbmKeys[list](), TBM_PATHS[list], tbmCategoryListSchema, { staleTime: REFERENCE_STALE_TIME_MS });

export function useTbmCategories(list: TbmList) {
  return useQuery(tbmQuery(list));
}
