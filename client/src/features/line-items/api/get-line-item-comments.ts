import { commentListSchema } from '@ikt/shared/line-item.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** The defence dialogue on an item, oldest first. */
export function useLineItemComments(id: number) {
  return useQuery(apiQuery(lineItemKeys.comments(id), `/api/line-items/${id}/comments`, commentListSchema));
}
