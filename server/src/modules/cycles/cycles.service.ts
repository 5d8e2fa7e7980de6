import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { AuditEvent } from '@ikt/shared/audit.schema';
import {
  cycleOverrideSchema,
  type CreateCycleInput,
  type Cycle,
  type CycleOverride,
  type CycleTransitionInput,
  type NotAcceptedSubProgramme,
  type RolloverResult,
  type UpdateCycleInput,
} from '@ikt/shared/cycle.schema';
import { fiscalYearsOf, type CycleStatus } from '@ikt/shared/domain';
import { CYCLE_TRANSITIONS, can } from '@ikt/shared/permissions';
import { givenOnly } from '../../changes';
import type { RequestContext } from '../../context';
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  ValidationError,
  cycleNotFound,
  fieldError,
} from '../../errors';
import { ensureVersion, type ExpectedVersion } from '../../http/etag';
import { message } from '../../messages/message';
import { recordAudit, recordAuditMany, insertAudited, type AuditService } from '../audit/audit.service';
import { createCyclesRepository, type CycleRow } from './cycles.repository';

export function toCycle(row: CycleRow): Cycle {
  return {
    id: row.id,
    year: row.year,
    title: row.title,
    status: row.status,
    submissionDeadline: row.submission_deadline,
    baseCycleId: row.base_cycle_id,
    fiscalYears: fiscalYearsOf(row.year),
    version: row.version,
  };
}

/** Statuses a cycle reaches only with every sub-programme accepted (or an override). */
const NEEDS_ACCEPTED: readonly CycleStatus[] = ['consolidated', 'approved'];
/** Statuses on the way back: an override made before one of them no longer describes the budget. */
const BEFORE_CONSOLIDATION: readonly CycleStatus[] = ['draft', 'open', 'review'];

/**
 * The sub-programmes not accepted, refused (422, each listed) without a reason; with one, what
 * the audit event records of the override.
 */
async function overrideOf(
  repository: ReturnType<typeof createCyclesRepository>,
  cycleId: number,
  input: CycleTransitionInput,
): Promise<{ overrideReason?: string; notAccepted?: NotAcceptedSubProgramme[] }> {
  const pending = await repository.subProgrammesNotAccepted(cycleId);
  if (pending.length === 0) return {};
  const notAccepted = pending.map((sp) => ({
    id: sp.id,
    code: sp.code,
    name: sp.name,
    institutionCode: sp.institution_code,
    status: sp.status,
  }));
  if (input.overrideReason === undefined) {
    throw new ValidationError(
      message('cycle.notAllAccepted', { to: input.to, count: pending.length }),
      notAccepted.map((sp) => ({
        path: `subProgrammes.${sp.id}`,
        message: message('cycle.notAcceptedSubProgramme', sp),
      })),
    );
  }
  return { overrideReason: input.overrideReason, notAccepted };
}

/** The overrides on the cycle's way to where it is now, oldest first, from its audit trail. */
function overridesOnTheWay(events: readonly AuditEvent[]): CycleOverride[] {
  let overrides: CycleOverride[] = [];
  for (const event of events) {
    if (event.action !== 'cycle.transition') continue;
    const after = (event.after ?? {}) as { status?: CycleStatus; overrideReason?: string; notAccepted?: unknown };
    if (after.status === undefined) continue;
    if (BEFORE_CONSOLIDATION.includes(after.status)) overrides = [];
    else if (after.overrideReason !== undefined) {
      overrides.push(
        cycleOverrideSchema.parse({
          to: after.status,
          reason: after.overrideReason,
          notAccepted: after.notAccepted ?? [],
          at: event.occurredAt,
          by: event.actorName,
        }),
      );
    }
  }
  return overrides;
}

export function createCycleService(db: Kysely<Database>, audit: AuditService) {
  const cycles = createCyclesRepository(db);

  function ensureReadable(context: RequestContext, row: CycleRow | undefined): CycleRow {
    if (!row || !can(context.actor, { action: 'cycle.read', cycleStatus: row.status })) throw cycleNotFound();
    return row;
  }

  function ensureManager(context: RequestContext): void {
    if (!can(context.actor, { action: 'cycle.manage' })) throw new ForbiddenError(message('cycle.notManager'));
  }

  async function checkBase(baseCycleId: number | null, year: number): Promise<CycleRow | undefined> {
    if (baseCycleId === null) return undefined;
    const base = await cycles.findById(baseCycleId);
    if (!base || base.year >= year) {
      throw fieldError(message('cycle.baseNotEarlier'), 'body.baseCycleId', message('cycle.baseInvalid'));
    }
    return base;
  }

  return {
    async list(context: RequestContext): Promise<Cycle[]> {
      const rows = await cycles.list();
      return rows.filter((row) => can(context.actor, { action: 'cycle.read', cycleStatus: row.status })).map(toCycle);
    },

    /** A cycle without a permission check, for services that already checked theirs. */
    async find(id: number): Promise<Cycle | undefined> {
      const row = await cycles.findById(id);
      return row ? toCycle(row) : undefined;
    },

    /** Holds the cycle's status still for the rest of the caller's transaction; answers it. */
    async lockForChange(trx: Kysely<Database>, id: number): Promise<Cycle> {
      const row = await createCyclesRepository(trx).lockById(id);
      if (!row) throw cycleNotFound();
      return toCycle(row);
    },

    async get(context: RequestContext, id: number): Promise<Cycle> {
      return toCycle(ensureReadable(context, await cycles.findById(id)));
    },

    async create(context: RequestContext, input: CreateCycleInput): Promise<Cycle> {
      ensureManager(context);
      await checkBase(input.baseCycleId, input.year);
      return db.transaction().execute(async (trx) => {
        const repository = createCyclesRepository(trx);
        return insertAudited(
          trx,
          context,
          { action: 'cycle.create', entityType: 'budget_cycle' },
          {
            insert: () =>
              repository.insert({
                year: input.year,
                title: input.title,
                submission_deadline: input.submissionDeadline,
                base_cycle_id: input.baseCycleId,
              }),
            taken: () => new ConflictError(message('cycle.yearTaken')),
            read: async (id) => toCycle((await repository.findById(id))!),
          },
        );
      });
    },

    async update(
      context: RequestContext,
      id: number,
      expected: ExpectedVersion,
      input: UpdateCycleInput,
    ): Promise<Cycle> {
      ensureReadable(context, await cycles.findById(id));
      ensureManager(context);
      return db.transaction().execute(async (trx) => {
        const repository = createCyclesRepository(trx);
        const before = (await repository.lockById(id))!;
        ensureVersion(expected, before.version);
        await repository.update(id, givenOnly({ title: input.title, submission_deadline: input.submissionDeadline }));
        const after = toCycle((await repository.findById(id))!);
        await recordAudit(trx, context, {
          action: 'cycle.update',
          entityType: 'budget_cycle',
          entityId: id,
          before: toCycle(before),
          after,
        });
        return after;
      });
    },

    /**
     * Moves the cycle (role-gated, audited). Into `consolidated` or `approved` only when every
     * sub-programme is accepted, or with an `overrideReason`, which the audit event keeps with the
     * list of those that were not (the workbook shows both).
     */
    async transition(context: RequestContext, id: number, input: CycleTransitionInput): Promise<Cycle> {
      const { to } = input;
      ensureReadable(context, await cycles.findById(id));
      return db.transaction().execute(async (trx) => {
        const repository = createCyclesRepository(trx);
        const before = (await repository.lockById(id))!;
        const from = before.status;
        // Allowed before possible (403 before 409): a role that never moves a cycle to `to` is
        // refused whatever the cycle's status; the role that does learns why not from here.
        const anotherRole = new ForbiddenError(message('cycle.anotherRole'));
        if (!CYCLE_TRANSITIONS.some((t) => t.to === to && t.roles.includes(context.actor.role))) throw anotherRole;
        if (!CYCLE_TRANSITIONS.some((t) => t.from === from && t.to === to)) {
          throw new InvalidStateError(message('cycle.cannotMove', { from, to }));
        }
        if (!can(context.actor, { action: 'cycle.transition', from, to })) throw anotherRole;
        const override = NEEDS_ACCEPTED.includes(to) ? await overrideOf(repository, id, input) : {};
        await repository.update(id, { status: to });
        if (to === 'approved') await repository.freezeAdopted(id);
        const after = toCycle((await repository.findById(id))!);
        await recordAudit(trx, context, {
          action: 'cycle.transition',
          entityType: 'budget_cycle',
          entityId: id,
          before: { status: from },
          after: { status: to, ...override },
        });
        return after;
      });
    },

    /**
     * Moves into `consolidated` or `approved` made with sub-programmes not accepted since the cycle
     * last went back before consolidation; the caller has already checked it may read the cycle.
     */
    async overrides(id: number): Promise<CycleOverride[]> {
      return overridesOnTheWay(await audit.historyOf('budget_cycle', id));
    },

    async rollover(context: RequestContext, id: number): Promise<RolloverResult> {
      ensureReadable(context, await cycles.findById(id));
      ensureManager(context);
      return db.transaction().execute(async (trx) => {
        const repository = createCyclesRepository(trx);
        const cycle = (await repository.lockById(id))!;
        if (cycle.status !== 'draft') {
          throw new InvalidStateError(message('cycle.rolloverNotDraft'));
        }
        const base = cycle.base_cycle_id === null ? undefined : await repository.findById(cycle.base_cycle_id);
        if (!base) {
          throw new InvalidStateError(message('cycle.noBase'));
        }
        if (await repository.hasCarriedItems(id, base.id)) {
          throw new ConflictError(message('cycle.alreadyCarried'));
        }
        const copied = await repository.rollover(id, cycle.year, base.id, base.year, context.actor.id);
        const result = {
          cycleId: id,
          baseCycleId: base.id,
          itemsCopied: copied.copiedItems.length,
          subProgrammesCreated: copied.subProgrammeIds.length,
        };
        await recordAuditMany(trx, context, [
          { action: 'cycle.rollover', entityType: 'budget_cycle', entityId: id, after: result },
          ...copied.subProgrammeIds.map((subProgrammeId) => ({
            action: 'subProgramme.create',
            entityType: 'sub_programme',
            entityId: subProgrammeId,
            after: { cycleId: id, rollover: true },
          })),
          ...copied.copiedItems.map((item) => ({
            action: 'lineItem.carryOver',
            entityType: 'line_item',
            entityId: item.id,
            after: { carriedFromId: item.carried_from_id, cycleId: id },
          })),
        ]);
        return result;
      });
    },
  };
}

export type CycleService = ReturnType<typeof createCycleService>;
