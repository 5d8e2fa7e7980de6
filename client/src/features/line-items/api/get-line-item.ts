import { lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { queryOptions } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** One item as the server has it now (its version is the ETag a change must name). */
export function getLineItem(id: number, options?: RequestOptions): Promise<LineItem> {
  return apiGet(`/api/line-items/${id}`, lineItemSchema, options);
}

/** Always fresh: it is read to reapply a change after someone else's. */
export function lineItemQueryOptions(id: number) {
  return queryOptions({
    queryKey: lineItemKeys.detail(id),
    queryFn: ({ signal }) => getLineItem(id, { signal }),
    staleTime: 0,
  });
}
