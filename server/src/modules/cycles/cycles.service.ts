import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { Cycle, CreateCycleInput, RolloverResult, UpdateCycleInput } from '@ikt/shared/cycle.schema';
import { fiscalYearsOf, type CycleStatus } from '@ikt/shared/domain';
import { CYCLE_TRANSITIONS, can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { isUniqueViolation } from '../../database-errors';
import { ConflictError, ForbiddenError, InvalidStateError, ValidationError } from '../../errors';
import { ensureVersion, type ExpectedVersion } from '../../http/etag';
import { recordAudit, recordAuditMany } from '../audit/audit.service';
import { cycleNotFound } from '../budget/budget-access';
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

const NOT_CYCLE_MANAGER = {
  lv: 'Budžeta ciklus pārvalda ITC finanses.',
  en: 'Budget cycles are managed by ITC finance.',
};

export function createCycleService(db: Kysely<Database>) {
  const cycles = createCyclesRepository(db);

  function ensureReadable(context: RequestContext, row: CycleRow | undefined): CycleRow {
    if (!row || !can(context.actor, { action: 'cycle.read', cycleStatus: row.status })) throw cycleNotFound();
    return row;
  }

  function ensureManager(context: RequestContext): void {
    if (!can(context.actor, { action: 'cycle.manage' })) throw new ForbiddenError(NOT_CYCLE_MANAGER);
  }

  async function checkBase(baseCycleId: number | null, year: number): Promise<CycleRow | undefined> {
    if (baseCycleId === null) return undefined;
    const base = await cycles.findById(baseCycleId);
    if (!base || base.year >= year) {
      throw new ValidationError(
        { lv: 'Bāzes ciklam jābūt agrākam ciklam.', en: 'The base cycle must be an earlier cycle.' },
        [{ path: 'body.baseCycleId', message: { lv: 'Nederīgs bāzes cikls', en: 'Invalid base cycle' } }],
      );
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
        let id: number;
        try {
          id = await repository.insert({
            year: input.year,
            title: input.title,
            submission_deadline: input.submissionDeadline,
            base_cycle_id: input.baseCycleId,
          });
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new ConflictError({ lv: 'Šim gadam cikls jau ir.', en: 'A cycle for this year exists.' });
          }
          throw error;
        }
        const created = toCycle((await repository.findById(id))!);
        await recordAudit(trx, context, {
          action: 'cycle.create',
          entityType: 'budget_cycle',
          entityId: id,
          after: created,
        });
        return created;
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
        await repository.update(id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.submissionDeadline !== undefined ? { submission_deadline: input.submissionDeadline } : {}),
        });
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

    async transition(context: RequestContext, id: number, to: CycleStatus): Promise<Cycle> {
      ensureReadable(context, await cycles.findById(id));
      return db.transaction().execute(async (trx) => {
        const repository = createCyclesRepository(trx);
        const before = (await repository.lockById(id))!;
        const from = before.status;
        // Allowed before possible (403 before 409): a role that never moves a cycle to `to` is
        // refused whatever the cycle's status; the role that does learns why not from here.
        const anotherRole = new ForbiddenError({
          lv: 'Šo cikla pāreju veic cita loma.',
          en: 'Another role makes this cycle transition.',
        });
        if (!CYCLE_TRANSITIONS.some((t) => t.to === to && t.roles.includes(context.actor.role))) throw anotherRole;
        if (!CYCLE_TRANSITIONS.some((t) => t.from === from && t.to === to)) {
          throw new InvalidStateError({
            lv: `Ciklu nevar pārvietot no statusa "${from}" uz "${to}".`,
            en: `A cycle cannot move from "${from}" to "${to}".`,
          });
        }
        if (!can(context.actor, { action: 'cycle.transition', from, to })) throw anotherRole;
        await repository.update(id, { status: to });
        const after = toCycle((await repository.findById(id))!);
        await recordAudit(trx, context, {
          action: 'cycle.transition',
          entityType: 'budget_cycle',
          entityId: id,
          before: { status: from },
          after: { status: to },
        });
        return after;
      });
    },

    async rollover(context: RequestContext, id: number): Promise<RolloverResult> {
      ensureReadable(context, await cycles.findById(id));
      ensureManager(context);
      return db.transaction().execute(async (trx) => {
        const repository = createCyclesRepository(trx);
        const cycle = (await repository.lockById(id))!;
        if (cycle.status !== 'draft') {
          throw new InvalidStateError({
            lv: 'Pārnešana iespējama, kamēr cikls ir sagatavošanā.',
            en: 'Rollover is possible while the cycle is in draft.',
          });
        }
        const base = cycle.base_cycle_id === null ? undefined : await repository.findById(cycle.base_cycle_id);
        if (!base) {
          throw new InvalidStateError({ lv: 'Ciklam nav norādīts bāzes cikls.', en: 'The cycle has no base cycle.' });
        }
        if (await repository.hasCarriedItems(id, base.id)) {
          throw new ConflictError({
            lv: 'Bāzes cikla pozīcijas šajā ciklā jau ir pārnestas.',
            en: 'The base cycle’s items have already been carried into this cycle.',
          });
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
