import {
  lineItemBatchSchema,
  type CreateLineItemBatchInput,
  type CreateLineItemInput,
  type LineItem,
} from '@ikt/shared/line-item.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { storeNewLineItems } from '../../../api/line-items/line-item-cache';

/**
 * Many new items in one request, all created or none. A refusal (422) lists every problem as
 * `items.<index>.<field>`, the index counting the items sent from 0.
 */
export async function createLineItemsBatch({
  subProgrammeId,
  items,
}: {
  subProgrammeId: number;
  items: CreateLineItemInput[];
}): Promise<LineItem[]> {
  const body: CreateLineItemBatchInput = { items };
  const answer = await apiPost(`/api/sub-programmes/${subProgrammeId}/line-items/batch`, body, lineItemBatchSchema);
  return answer.items;
}

export function useCreateLineItemsBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLineItemsBatch,
    onSuccess: (items, { subProgrammeId }) => storeNewLineItems(queryClient, subProgrammeId, items),
  });
}
