import { commentListSchema, type Comment } from '@ikt/shared/line-item.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** The defence dialogue on an item, oldest first. */
export function getLineItemComments(id: number, options?: RequestOptions): Promise<Comment[]> {
  return apiGet(`/api/line-items/${id}/comments`, commentListSchema, options);
}

export function lineItemCommentsQueryOptions(id: number) {
  return queryOptions({
    queryKey: lineItemKeys.comments(id),
    queryFn: ({ signal }) => getLineItemComments(id, { signal }),
  });
}

export function useLineItemComments(id: number) {
  return useQuery(lineItemCommentsQueryOptions(id));
}
