import { subProgrammeChangesSchema } from '@ikt/shared/sub-programme.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

/** What was added, removed and changed since the previous submission. */
export function useSubProgrammeChanges(id: number) {
  return useQuery(
    apiQuery(subProgrammeKeys.changes(id), `/api/sub-programmes/${id}/changes`, subProgrammeChangesSchema),
  );
}
