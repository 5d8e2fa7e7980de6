import { auditEventListSchema, type AuditEvent } from '@ikt/shared/audit.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** The item's audit events, oldest first. */
export function getLineItemHistory(id: number, options?: RequestOptions): Promise<AuditEvent[]> {
  return apiGet(`/api/line-items/${id}/history`, auditEventListSchema, options);
}

export function lineItemHistoryQueryOptions(id: number) {
  return queryOptions({
    queryKey: lineItemKeys.history(id),
    queryFn: ({ signal }) => getLineItemHistory(id, { signal }),
  });
}

export function useLineItemHistory(id: number) {
  return useQuery(lineItemHistoryQueryOptions(id));
}
