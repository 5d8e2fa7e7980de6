import { subProgrammeChangesSchema, type SubProgrammeChanges } from '@ikt/shared/sub-programme.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

/** What was added, removed and changed since the previous submission. */
export function getSubProgrammeChanges(id: number, options?: RequestOptions): Promise<SubProgrammeChanges> {
  return apiGet(`/api/sub-programmes/${id}/changes`, subProgrammeChangesSchema, options);
}

export function subProgrammeChangesQueryOptions(id: number) {
  return queryOptions({
    queryKey: subProgrammeKeys.changes(id),
    queryFn: ({ signal }) => getSubProgrammeChanges(id, { signal }),
  });
}

export function useSubProgrammeChanges(id: number) {
  return useQuery(subProgrammeChangesQueryOptions(id));
}
