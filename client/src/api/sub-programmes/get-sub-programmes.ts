import { subProgrammeListSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { subProgrammeKeys } from './sub-programme-keys';

/** A cycle's sub-programmes with totals per fiscal year; a sector lead gets its own only. */
export function getSubProgrammes(cycleId: number, options?: RequestOptions): Promise<SubProgramme[]> {
  return apiGet(`/api/cycles/${cycleId}/sub-programmes`, subProgrammeListSchema, options);
}

export function subProgrammesQueryOptions(cycleId: number) {
  return queryOptions({
    queryKey: subProgrammeKeys.list(cycleId),
    queryFn: ({ signal }) => getSubProgrammes(cycleId, { signal }),
  });
}

export function useSubProgrammes(cycleId: number | undefined) {
  return useQuery({ ...subProgrammesQueryOptions(cycleId ?? 0), enabled: cycleId !== undefined });
}
