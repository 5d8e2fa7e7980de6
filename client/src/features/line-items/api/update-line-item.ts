import { lineItemSchema, type LineItem, type UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { storeLineItem } from '../../../api/line-items/line-item-cache';

export interface LineItemChange {
  id: number;
  /** The version the change is based on: a 412 answers that someone else changed it since. */
  version: number;
  changes: UpdateLineItemInput;
}

export function updateLineItem({ id, version, changes }: LineItemChange): Promise<LineItem> {
  return apiPatch(`/api/line-items/${id}`, changes, lineItemSchema, { ifMatchVersion: version });
}

export function useUpdateLineItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLineItem,
    onSuccess: (item) => storeLineItem(queryClient, item),
  });
}
