import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../query';
import { subProgrammeKeys } from './sub-programme-keys';

/** A cycle's sub-programmes with totals per fiscal year; a sector lead gets its own only. */
export function useSubProgrammes(cycleId: number | undefined) {
  return useQuery({
    ...apiQuery(
      subProgrammeKeys.list(cycleId ?? 0),
      `/api/cycles/${cycleId ?? 0}/sub-programmes`,
      subProgrammeListSchema,
    ),
    enabled: cycleId !== undefined,
  });
}
