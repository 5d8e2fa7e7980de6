import type { LineItem } from '@ikt/shared/line-item.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../api/client';
import { forgetLineItem } from '../../../api/line-items/line-item-cache';

export function deleteLineItem(item: Pick<LineItem, 'id' | 'version'>): Promise<void> {
  return apiDelete(`/api/line-items/${item.id}`, { ifMatchVersion: item.version });
}

export function useDeleteLineItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: Pick<LineItem, 'id' | 'version' | 'subProgrammeId'>) => deleteLineItem(item),
    onSuccess: (_result, item) => forgetLineItem(queryClient, item.subProgrammeId, item.id),
  });
}
