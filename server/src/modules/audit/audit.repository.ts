import type { Kysely } from 'kysely';
import type { Database, NewAuditEventRow } from '@ikt/db/database';

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: number | undefined;
  action?: string | undefined;
  beforeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
}

export function createAuditRepository(db: Kysely<Database>) {
  return {
    async insert(events: NewAuditEventRow[]): Promise<void> {
      // In batches: a statement takes a limited number of parameters.
      for (let start = 0; start < events.length; start += 500) {
        await db
          .insertInto('audit_event')
          .values(events.slice(start, start + 500))
          .execute();
      }
    },

    list(filter: AuditFilter) {
      let query = db
        .selectFrom('audit_event as e')
        .leftJoin('app_user as u', 'u.id', 'e.actor_id')
        .select([
          'e.id',
          'e.occurred_at',
          'e.actor_id',
          'u.name as actor_name',
          'e.action',
          'e.entity_type',
          'e.entity_id',
          'e.before',
          'e.after',
          'e.request_id',
        ])
        .orderBy('e.id', 'desc')
        .limit(filter.limit);
      if (filter.entityType) query = query.where('e.entity_type', '=', filter.entityType);
      if (filter.entityId) query = query.where('e.entity_id', '=', filter.entityId);
      if (filter.actorId) query = query.where('e.actor_id', '=', filter.actorId);
      if (filter.action) query = query.where('e.action', '=', filter.action);
      if (filter.beforeId) query = query.where('e.id', '<', filter.beforeId);
      if (filter.from) query = query.where('e.occurred_at', '>=', new Date(filter.from));
      if (filter.to) query = query.where('e.occurred_at', '<', new Date(filter.to));
      return query.execute();
    },
  };
}
