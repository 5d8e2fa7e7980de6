import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { benchmarksQueryOptions } from '../api/get-benchmarks';
import { ekkCodesQueryOptions } from '../api/get-ekk-codes';
import { goalsQueryOptions } from '../../../api/reference/get-goals';
import { ictServicesQueryOptions } from '../../../api/reference/get-ict-services';
import { informationSystemsQueryOptions } from '../../../api/reference/get-information-systems';
import { institutionsQueryOptions } from '../../../api/reference/get-institutions';
import type { ReferenceSectionId } from '../reference-sections';

const length = (list: readonly unknown[]) => list.length;

/** How many entries each reference list holds; shares the cache with the lists themselves. */
export function useReferenceCounts(): Record<ReferenceSectionId, UseQueryResult<number>> {
  return {
    institutions: useQuery({ ...institutionsQueryOptions(), select: length }),
    'ekk-codes': useQuery({ ...ekkCodesQueryOptions(), select: length }),
    goals: useQuery({ ...goalsQueryOptions(), select: length }),
    'ict-services': useQuery({ ...ictServicesQueryOptions(), select: length }),
    'information-systems': useQuery({ ...informationSystemsQueryOptions(), select: length }),
    benchmarks: useQuery({ ...benchmarksQueryOptions(), select: length }),
  };
}
