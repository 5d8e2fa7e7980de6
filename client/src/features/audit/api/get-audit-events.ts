import { auditEventListSchema, type AuditEvent } from '@ikt/shared/audit.schema';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';

/** What the audit log is narrowed to; `beforeId` is the page (events older than that one). */
export interface AuditSearch {
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  /** ISO timestamps with an offset. */
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

export const auditKeys = {
  all: ['audit'] as const,
  search: (search: AuditSearch) => [...auditKeys.all, search] as const,
};

export function auditPath(search: AuditSearch): string {
  const query = new URLSearchParams({ limit: String(search.limit) });
  for (const key of ['action', 'entityType', 'entityId', 'from', 'to', 'beforeId'] as const) {
    const value = search[key];
    if (value) query.set(key, value);
  }
  if (search.actorId !== undefined) query.set('actorId', String(search.actorId));
  return `/api/audit?${query.toString()}`;
}

/** Audit events, newest first (ITC finance and administrators; 403 for everyone else). */
export function getAuditEvents(search: AuditSearch, options?: RequestOptions): Promise<AuditEvent[]> {
  return apiGet(auditPath(search), auditEventListSchema, options);
}

export function auditEventsQueryOptions(search: AuditSearch) {
  return queryOptions({
    queryKey: auditKeys.search(search),
    queryFn: ({ signal }) => getAuditEvents(search, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAuditEvents(search: AuditSearch) {
  return useQuery(auditEventsQueryOptions(search));
}
