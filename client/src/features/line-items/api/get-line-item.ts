import { lineItemSchema } from '@ikt/shared/line-item.schema';
import { apiQuery } from '../../../api/query';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/**
 * One item as the server has it now (its version is the ETag a change must name). Always fresh:
 * it is read to reapply a change after someone else's.
 */
export function lineItemQueryOptions(id: number) {
  return apiQuery(lineItemKeys.detail(id), `/api/line-items/${id}`, lineItemSchema, { staleTime: 0 });
}
