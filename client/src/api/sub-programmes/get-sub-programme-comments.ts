import { commentListSchema, type Comment } from '@ikt/shared/line-item.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../client';
import { subProgrammeKeys } from './sub-programme-keys';

/** The review comments on the sub-programme as a whole (returns and acceptances). */
export function getSubProgrammeComments(id: number, options?: RequestOptions): Promise<Comment[]> {
  return apiGet(`/api/sub-programmes/${id}/comments`, commentListSchema, options);
}

export function subProgrammeCommentsQueryOptions(id: number) {
  return queryOptions({
    queryKey: subProgrammeKeys.comments(id),
    queryFn: ({ signal }) => getSubProgrammeComments(id, { signal }),
  });
}

export function useSubProgrammeComments(id: number) {
  return useQuery(subProgrammeCommentsQueryOptions(id));
}
