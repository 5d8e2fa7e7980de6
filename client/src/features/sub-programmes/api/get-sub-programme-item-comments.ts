import { commentListSchema, type Comment } from '@ikt/shared/line-item.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

/** Every comment on the sub-programme's items, oldest first (each names its `lineItemId`). */
export function getSubProgrammeItemComments(id: number, options?: RequestOptions): Promise<Comment[]> {
  return apiGet(`/api/sub-programmes/${id}/line-item-comments`, commentListSchema, options);
}

export function subProgrammeItemCommentsQueryOptions(id: number) {
  return queryOptions({
    queryKey: subProgrammeKeys.itemComments(id),
    queryFn: ({ signal }) => getSubProgrammeItemComments(id, { signal }),
  });
}

export function useSubProgrammeItemComments(id: number) {
  return useQuery(subProgrammeItemCommentsQueryOptions(id));
}

/** The comments grouped by item, each thread oldest first. */
export function commentsByItem(comments: readonly Comment[]): Map<number, Comment[]> {
  const threads = new Map<number, Comment[]>();
  for (const comment of comments) {
    if (comment.lineItemId === null) continue;
    const thread = threads.get(comment.lineItemId) ?? [];
    thread.push(comment);
    threads.set(comment.lineItemId, thread);
  }
  return threads;
}
