import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference/reference-queries';
import { tbmQuery } from '../api/get-tbm-categories';
import type { ReferenceSectionId } from '../reference-sections';

const length = (list: readonly unknown[]) => list.length;

/** How many entries each reference list holds; shares the cache with the lists themselves. */
export function useReferenceCounts(): Record<ReferenceSectionId, UseQueryResult<number>> {
  return {
    institutions: useQuery({ ...referenceQueries.institutions(), select: length }),
    'ekk-codes': useQuery({ ...referenceQueries.ekkCodes(), select: length }),
    goals: useQuery({ ...referenceQueries.goals(), select: length }),
    'ict-services': useQuery({ ...referenceQueries.ictServices(), select: length }),
    'information-systems': useQuery({ ...referenceQueries.informationSystems(), select: length }),
    'tbm-cost-pools': useQuery({ ...tbmQuery('costPools'), select: length }),
    'tbm-towers': useQuery({ ...tbmQuery('towers'), select: length }),
    benchmarks: useQuery({ ...referenceQueries.benchmarks(), select: length }),
  };
}
