import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** The item's audit events, oldest first. */
export function useLineItemHistory(id: number) {
  return useQuery(apiQuery(lineItemKeys.history(id), `/api/line-items/${id}/history`, auditEventListSchema));
}
