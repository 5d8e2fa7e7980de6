import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { AuditEvent, AuditQuery } from '@ikt/shared/audit.schema';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { insertUnique } from '../../database-errors';
import { ForbiddenError } from '../../errors';
import { message } from '../../messages/message';
import { createAuditRepository, type AuditFilter } from './audit.repository';

/**
 * Who acted under which request. A RequestContext is one; a failed sign-in has a request but no
 * actor (nobody has been recognised), so the actor may be null.
 */
export interface AuditContext {
  actor: { id: number } | null;
  requestId: string;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit event on the executor it is given — the caller's transaction — so a change and
 * its record commit or roll back together.
 */
export async function recordAudit(
  trx: Kysely<Database>,
  context: AuditContext | null,
  entry: AuditEntry,
): Promise<void> {
  await recordAuditMany(trx, context, [entry]);
}

/**
 * Inserts a row whose key must be unique — a duplicate answers `taken` (409), not a 500 — reads
 * it back as the API shows it, and records its creation with it: every create of an entity with
 * an id.
 */
export async function insertAudited<T>(
  trx: Kysely<Database>,
  context: AuditContext | null,
  event: Pick<AuditEntry, 'action' | 'entityType'>,
  steps: { insert: () => Promise<number>; taken: () => Error; read: (id: number) => Promise<T> },
): Promise<T> {
  const id = await insertUnique(steps.insert, steps.taken);
  const created = await steps.read(id);
  await recordAudit(trx, context, { ...event, entityId: id, after: created });
  return created;
}

/** Many events of one request at once (a rollover copies hundreds of items). */
export async function recordAuditMany(
  trx: Kysely<Database>,
  context: AuditContext | null,
  entries: AuditEntry[],
): Promise<void> {
  await createAuditRepository(trx).insert(
    entries.map((entry) => ({
      actor_id: context?.actor?.id ?? null,
      request_id: context?.requestId ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })),
  );
}

export function createAuditService(db: Kysely<Database>) {
  const repository = createAuditRepository(db);

  async function list(filter: AuditFilter): Promise<AuditEvent[]> {
    const rows = await repository.list(filter);
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    }));
  }

  return {
    async search(context: RequestContext, query: AuditQuery): Promise<AuditEvent[]> {
      if (!can(context.actor, { action: 'audit.read' })) throw new ForbiddenError(message('audit.notAllowed'));
      return list(query);
    },

    /** An entity's own events, oldest first; the caller has already checked it may read the entity. */
    async historyOf(entityType: string, entityId: number): Promise<AuditEvent[]> {
      const events = await list({ entityType, entityId: String(entityId), limit: 1000 });
      return events.reverse();
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
