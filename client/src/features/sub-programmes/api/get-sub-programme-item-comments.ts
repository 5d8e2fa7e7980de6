import { commentListSchema, type Comment } from '@ikt/shared/line-item.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

/** Every comment on the sub-programme's items, oldest first (each names its `lineItemId`). */
export function useSubProgrammeItemComments(id: number) {
  return useQuery(
    apiQuery(subProgrammeKeys.itemComments(id), `/api/sub-programmes/${id}/line-item-comments`, commentListSchema),
  );
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
