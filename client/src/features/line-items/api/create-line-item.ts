import { lineItemSchema, type CreateLineItemInput, type LineItem } from '@ikt/shared/line-item.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { storeLineItem } from '../../../api/line-items/line-item-cache';

export function createLineItem({
  subProgrammeId,
  input,
}: {
  subProgrammeId: number;
  input: CreateLineItemInput;
}): Promise<LineItem> {
  return apiPost(`/api/sub-programmes/${subProgrammeId}/line-items`, input, lineItemSchema);
}

export function useCreateLineItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLineItem,
    onSuccess: (item) => storeLineItem(queryClient, item),
  });
}
