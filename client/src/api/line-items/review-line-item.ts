import { lineItemSchema, type LineItem, type ReviewInput } from '@ikt/shared/line-item.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../client';
import { subProgrammeKeys } from '../sub-programmes/sub-programme-keys';
import { lineItemKeys } from './line-item-keys';
import { storeLineItem } from './line-item-cache';

/** ITC accepts an item or returns it with a comment; the sub-programme stays submitted. */
export function reviewLineItem({ id, input }: { id: number; input: ReviewInput }): Promise<LineItem> {
  return apiPost(`/api/line-items/${id}/review`, input, lineItemSchema);
}

export function useReviewLineItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reviewLineItem,
    onSuccess: (item) => {
      storeLineItem(queryClient, item);
      void queryClient.invalidateQueries({ queryKey: lineItemKeys.comments(item.id) });
      void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.itemComments(item.subProgrammeId) });
      // The decision may allow or bar accepting the whole, and the queue shows the sub-programme.
      void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.detail(item.subProgrammeId) });
    },
  });
}
