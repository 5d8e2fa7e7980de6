import type { Kysely } from 'kysely';
import type { Database, LineItemUpdate } from '@ikt/db/database';
import { fiscalYearsOf, type SubProgrammeKind } from '@ikt/shared/domain';
import {
  canDecideOnSubmission,
  isDecidableItem,
  isProposalWindow,
  itemCreateRefusal,
  itemEditRefusal,
} from '@ikt/shared/editability';
import type { ProposalInput } from '@ikt/shared/stage.schema';
import type {
  Comment,
  CreateLineItemInput,
  LineItem,
  ReviewInput,
  UpdateLineItemInput,
} from '@ikt/shared/line-item.schema';
import type { AuditEvent } from '@ikt/shared/audit.schema';
import { givenOnly } from '../../changes';
import type { RequestContext } from '../../context';
import { DomainError, InvalidStateError, ValidationError, fieldError, type FieldProblem } from '../../errors';
import { ensureVersion, type ExpectedVersion } from '../../http/etag';
import { message } from '../../messages/message';
import { recordAudit, recordAuditMany, type AuditEntry, type AuditService } from '../audit/audit.service';
import {
  budgetScope,
  ensureAllowed,
  ensureEditor,
  ensureReviewer,
  ensureEditable,
  ensureVisible,
  lineItemNotFound,
  subProgrammeNotFound,
} from './budget-access';
import { readBatch } from './line-item-batch';
import {
  changesOf,
  type ItemChangeEntry,
  type ItemChangeProblem,
  type ItemChangeRow,
  type ItemChangesOptions,
  type ItemChangesOutcome,
} from './line-item-changes';
import { createLineItemRepository, type LineItemRepository, type NewLineItem } from './line-item.repository';
import { toLineItem } from './line-item.mapper';
import { createSubProgrammeRepository } from './sub-programme.repository';

const unknownCode = message('field.unknownCode');
const batchRefusal = message('lineItem.batchRefused');

/**
 * An item as the audit trail records it: its own data, not last year's figure shown beside it
 * nor its later stages (a proposal's event records those itself).
 */
function audited(item: LineItem): Omit<LineItem, 'previousYear' | 'stages'> {
  const { previousYear: _shownBeside, stages: _recordedByTheirOwnEvents, ...own } = item;
  return own;
}

const createdEvent = (item: LineItem): AuditEntry => ({
  action: 'lineItem.create',
  entityType: 'line_item',
  entityId: item.id,
  after: audited(item),
});

const referenceRefusal = message('lineItem.unknownReferences');
const NOT_PROPOSER = message('lineItem.notProposer');

/** Where the items a reference check is for sit: their cycle's year, and whether in the central sub-programme. */
interface ItemPlace {
  cycleYear: number;
  central: boolean;
}

/**
 * Codes must exist (and EKK be a selectable, unretired leaf; a beneficiary an active institution);
 * amounts only for the cycle's years; beneficiaries only in the central sub-programme. Paths are
 * relative to the item (`ekkCode`, `goalCodes.M9`, `amounts.2031`, `beneficiaries.0.institutionCode`).
 */
async function referenceProblems(
  repository: LineItemRepository,
  input: UpdateLineItemInput,
  place: ItemPlace,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const known = await repository.knownCodes({
    ekk: input.ekkCode,
    service: input.ictServiceCode,
    system: input.informationSystemCode,
    direction: input.actionDirectionCode,
    goals: input.goalCodes,
    institutions: input.beneficiaries?.map((beneficiary) => beneficiary.institutionCode),
  });
  if (input.ekkCode !== undefined) {
    if (!known.ekk) problems.push({ path: 'ekkCode', message: unknownCode });
    else if (!known.ekk.selectable || known.ekk.retired_at !== null) {
      problems.push({ path: 'ekkCode', message: message('lineItem.ekkNotSelectable') });
    }
  }
  if (input.ictServiceCode && !known.service?.active) problems.push({ path: 'ictServiceCode', message: unknownCode });
  if (input.informationSystemCode && !known.system?.active) {
    problems.push({ path: 'informationSystemCode', message: unknownCode });
  }
  if (input.actionDirectionCode && !known.direction)
    problems.push({ path: 'actionDirectionCode', message: unknownCode });
  for (const goal of input.goalCodes ?? []) {
    if (!known.goals.has(goal)) problems.push({ path: `goalCodes.${goal}`, message: unknownCode });
  }
  const years = fiscalYearsOf(place.cycleYear).map(String);
  for (const year of Object.keys(input.amounts ?? {})) {
    if (!years.includes(year)) {
      problems.push({ path: `amounts.${year}`, message: message('lineItem.notCycleYear', { years }) });
    }
  }
  const beneficiaries = input.beneficiaries ?? [];
  if (beneficiaries.length > 0 && !place.central) {
    problems.push({ path: 'beneficiaries', message: message('lineItem.beneficiariesNotCentral') });
  }
  for (const [index, { institutionCode }] of beneficiaries.entries()) {
    if (!known.institutions.has(institutionCode)) {
      problems.push({
        path: `beneficiaries.${index}.institutionCode`,
        message: message('field.unknownInstitution'),
      });
    }
  }
  return problems;
}

/** The reference checks of one request body (422). */
async function checkReferences(
  repository: LineItemRepository,
  input: UpdateLineItemInput,
  place: ItemPlace,
): Promise<void> {
  const refusal = referenceRefusalOf(await referenceProblems(repository, input, place));
  if (refusal) throw refusal;
}

/**
 * What the reference checks of an item depend on: items with the same key get the same answer,
 * so a batch or an import checks each combination of codes once.
 */
export function referenceKey(input: UpdateLineItemInput): string {
  return JSON.stringify([
    input.ekkCode,
    input.ictServiceCode,
    input.informationSystemCode,
    input.actionDirectionCode,
    input.goalCodes,
    Object.keys(input.amounts ?? {}),
    input.beneficiaries?.map((beneficiary) => beneficiary.institutionCode),
  ]);
}

/** Refuses a batch from inside its transaction, so that nothing of it is written. */
class BatchRefused extends Error {
  constructor(readonly problems: ItemChangeProblem[]) {
    super('batch refused');
  }
}

/**
 * The reference checks of many items, each combination of codes looked up once (rows of a batch
 * or an import tend to share their codes).
 */
function referenceChecker(repository: LineItemRepository, place: ItemPlace) {
  const found = new Map<string, Promise<FieldProblem[]>>();
  return (input: UpdateLineItemInput): Promise<FieldProblem[]> => {
    const key = referenceKey(input);
    let problems = found.get(key);
    if (!problems) {
      problems = referenceProblems(repository, input, place);
      found.set(key, problems);
    }
    return problems;
  };
}

const placeOf = (row: { cycle_year: number; kind: SubProgrammeKind }): ItemPlace => ({
  cycleYear: row.cycle_year,
  central: row.kind === 'central',
});

/** Reference problems as the 422 of a single request (paths `body.<field>`), or null. */
function referenceRefusalOf(problems: FieldProblem[]): ValidationError | null {
  if (problems.length === 0) return null;
  return new ValidationError(
    referenceRefusal,
    problems.map((problem) => ({ ...problem, path: `body.${problem.path}` })),
  );
}

/**
 * A new item's refusal as the batch's field problems (`body.<field>` becomes
 * `items.<index>.<field>`); a refusal that names no field (409: the sub-programme changed
 * meanwhile) is the answer to the whole batch.
 */
function batchProblems(found: ItemChangeProblem): FieldProblem[] {
  if (found.code !== 'refused') throw new Error(`a new item cannot be ${found.code}`);
  if (!(found.error instanceof ValidationError) || !found.error.errors) throw found.error;
  return found.error.errors.map((problem) => ({
    ...problem,
    path: problem.path.replace(/^body\./, `items.${found.index}.`),
  }));
}

/** The item's columns from an input; fields not named stay as they are. */
function columnsOf(input: UpdateLineItemInput): LineItemUpdate {
  return givenOnly({
    title: input.title,
    description: input.description,
    ekk_code: input.ekkCode,
    cost_nature: input.costNature,
    ict_service_code: input.ictServiceCode,
    information_system_code: input.informationSystemCode,
    action_direction_code: input.actionDirectionCode,
    priority: input.priority,
    rank: input.rank,
    quantity: input.quantity,
    unit: input.unit,
    unit_price: input.unitPrice,
    business_need: input.businessNeed,
    legal_basis: input.legalBasis,
    impact_if_cut: input.impactIfCut,
    calculation_basis: input.calculationBasis,
  });
}

/** What a new item is written as; its rules were checked by the caller. */
function newItem(
  context: RequestContext,
  subProgrammeId: number,
  input: CreateLineItemInput,
  rank: number,
): NewLineItem {
  return {
    row: {
      sub_programme_id: subProgrammeId,
      title: input.title,
      ekk_code: input.ekkCode,
      cost_nature: input.costNature,
      priority: input.priority,
      rank,
      ict_service_code: input.ictServiceCode ?? null,
      information_system_code: input.informationSystemCode ?? null,
      action_direction_code: input.actionDirectionCode ?? null,
      quantity: input.quantity ?? null,
      unit: input.unit ?? null,
      unit_price: input.unitPrice ?? null,
      ...columnsOf({
        description: input.description,
        businessNeed: input.businessNeed,
        legalBasis: input.legalBasis,
        impactIfCut: input.impactIfCut,
        calculationBasis: input.calculationBasis,
      }),
      created_by: context.actor.id,
      updated_by: context.actor.id,
    },
    amounts: Object.entries(input.amounts ?? {}).map(([year, amount]) => [Number(year), amount]),
    goalCodes: input.goalCodes ?? [],
    beneficiaries: input.beneficiaries ?? [],
  };
}

export function createLineItemService(db: Kysely<Database>, audit: AuditService) {
  const items = createLineItemRepository(db);

  /** The item's scope, checked visible to the actor (404 otherwise). */
  async function visibleScope(context: RequestContext, id: number) {
    const scope = await items.scopeOf(id);
    if (!scope) throw lineItemNotFound();
    ensureVisible(context.actor, budgetScope(scope), lineItemNotFound);
    return scope;
  }

  async function read(repository: LineItemRepository, id: number, cycleYear: number): Promise<LineItem> {
    const record = await repository.findById(id);
    if (!record) throw lineItemNotFound();
    return toLineItem(record, cycleYear);
  }

  /** The sub-programme new items go into, if the actor may add them: visible (404), owner (403), editable (409). */
  async function subProgrammeForNewItems(executor: Kysely<Database>, context: RequestContext, subProgrammeId: number) {
    const subProgramme = await createSubProgrammeRepository(executor).findById(subProgrammeId);
    if (!subProgramme) throw subProgrammeNotFound();
    const scope = budgetScope(subProgramme);
    ensureVisible(context.actor, scope, subProgrammeNotFound);
    ensureEditor(context.actor, scope);
    ensureEditable(itemCreateRefusal(subProgramme.cycle_status, subProgramme.status));
    return subProgramme;
  }

  /**
   * Adds items inside the caller's transaction, all or none: visible (404), owner (403), editable
   * (409), known codes (422, each combination of codes looked up once). Items without a rank
   * follow the existing ones in the order given.
   */
  async function createManyWithin(
    trx: Kysely<Database>,
    context: RequestContext,
    subProgrammeId: number,
    inputs: CreateLineItemInput[],
  ): Promise<LineItem[]> {
    // Held against a status change until the items are in.
    await createSubProgrammeRepository(trx).lock(subProgrammeId, 'share');
    const subProgramme = await subProgrammeForNewItems(trx, context, subProgrammeId);
    const repository = createLineItemRepository(trx);
    const referencesOf = referenceChecker(repository, placeOf(subProgramme));
    for (const input of inputs) {
      const refusal = referenceRefusalOf(await referencesOf(input));
      if (refusal) throw refusal;
    }
    return insertChecked(trx, context, subProgrammeId, subProgramme.cycle_year, inputs);
  }

  /** Inserts items whose rules have been checked, reads them back and records their audit events. */
  async function insertChecked(
    trx: Kysely<Database>,
    context: RequestContext,
    subProgrammeId: number,
    cycleYear: number,
    inputs: CreateLineItemInput[],
  ): Promise<LineItem[]> {
    const repository = createLineItemRepository(trx);
    let nextRank = await repository.nextRank(subProgrammeId);
    const ids = await repository.insertMany(
      inputs.map((input) => newItem(context, subProgrammeId, input, input.rank ?? nextRank++)),
    );
    const created = (await repository.findByIds(ids)).map((record) => toLineItem(record, cycleYear));
    await recordAuditMany(trx, context, created.map(createdEvent));
    return created;
  }

  /**
   * Locks an item for a change (edit or delete) by the rules every change follows, in their order:
   * visible (404), owner (403), If-Match (428/412), editable (409). Answers where it sits and how
   * it is now.
   */
  async function lockForChange(
    repository: LineItemRepository,
    context: RequestContext,
    id: number,
    expected: ExpectedVersion,
  ) {
    const scope = await repository.lockForEdit(id);
    if (!scope) throw lineItemNotFound();
    ensureVisible(context.actor, budgetScope(scope), lineItemNotFound);
    const before = await read(repository, id, scope.cycle_year);
    ensureEditor(context.actor, budgetScope(scope));
    ensureVersion(expected, scope.version);
    ensureEditable(itemEditRefusal(scope.cycle_status, scope.sub_programme_status, before.reviewStatus));
    return { scope, before };
  }

  /**
   * Changes an item inside the caller's transaction, by the same rules as a PATCH: those of
   * lockForChange, then known codes (422).
   */
  async function updateWithin(
    trx: Kysely<Database>,
    context: RequestContext,
    id: number,
    expected: ExpectedVersion,
    input: UpdateLineItemInput,
  ): Promise<LineItem> {
    const repository = createLineItemRepository(trx);
    const { scope, before } = await lockForChange(repository, context, id, expected);
    await checkReferences(repository, input, placeOf(scope));

    // An accepted item that changes needs reviewing again.
    const reviewStatus = before.reviewStatus === 'accepted' ? { review_status: 'draft' as const } : {};
    await repository.update(id, { ...columnsOf(input), ...reviewStatus, updated_by: context.actor.id });
    if (input.amounts)
      await repository.upsertAmounts(
        id,
        Object.entries(input.amounts).map(([y, a]) => [Number(y), a]),
      );
    if (input.goalCodes) await repository.replaceGoals(id, input.goalCodes);
    if (input.beneficiaries) await repository.replaceBeneficiaries(id, input.beneficiaries);
    const after = await read(repository, id, scope.cycle_year);
    await recordAudit(trx, context, {
      action: 'lineItem.update',
      entityType: 'line_item',
      entityId: id,
      before: audited(before),
      after: audited(after),
    });
    return after;
  }

  /**
   * A batch of new items and changes, all or none, by the rules of create and update: every entry
   * is checked first, writing nothing, and every problem is answered at once (an entry refused by
   * its reading still has the references of its accepted fields checked). Then all are applied in
   * one transaction, where create and update check their rules again under their locks (someone
   * may have changed something meanwhile). A dry run stops after the check. An entry that changes
   * nothing is answered as unchanged and keeps its version.
   */
  async function applyChanges(
    context: RequestContext,
    subProgrammeId: number,
    entries: ItemChangeEntry[],
    options: ItemChangesOptions,
  ): Promise<ItemChangesOutcome> {
    const subProgramme = await createSubProgrammeRepository(db).findById(subProgrammeId);
    if (!subProgramme) throw subProgrammeNotFound();
    const scope = budgetScope(subProgramme);
    ensureVisible(context.actor, scope, subProgrammeNotFound);
    ensureEditor(context.actor, scope);
    const cycleYear = subProgramme.cycle_year;
    const current = new Map(
      (await items.listBySubProgramme(subProgrammeId)).map((record) => {
        const item = toLineItem(record, cycleYear);
        return [item.id, item] as const;
      }),
    );

    const problems: ItemChangeProblem[] = [];
    const firstOfId = new Map<number, number>();
    for (const [index, entry] of entries.entries()) {
      if (entry.id === null) continue;
      const first = firstOfId.get(entry.id);
      if (first === undefined) firstOfId.set(entry.id, index);
      else problems.push({ index, code: 'duplicate', firstIndex: first });
    }
    const refuse = (index: number, error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ index, code: 'refused', error });
    };
    const referencesOf = referenceChecker(items, placeOf(subProgramme));

    type Plan =
      | { index: number; kind: 'create'; input: CreateLineItemInput }
      | { index: number; kind: 'update'; id: number; version: number; changes: UpdateLineItemInput };
    const plans: Plan[] = [];
    const unchanged: ItemChangeRow[] = [];
    let done = 0;
    for (const [index, entry] of entries.entries()) {
      options.onProgress?.('check', ++done, entries.length);
      if (entry.id !== null && firstOfId.get(entry.id) !== index) continue;
      const before = entry.id === null ? undefined : current.get(entry.id);
      if (entry.id !== null && !before) {
        problems.push({ index, code: 'notFound' });
        continue;
      }
      if (!entry.input) {
        const refusal = referenceRefusalOf(await referencesOf(entry.checkable));
        if (refusal) refuse(index, refusal);
        continue;
      }
      let changes: UpdateLineItemInput = entry.input;
      try {
        if (!before) {
          ensureEditable(itemCreateRefusal(subProgramme.cycle_status, subProgramme.status));
        } else {
          changes = changesOf(entry.input, before);
          if (Object.keys(changes).length === 0) {
            unchanged.push({ index, id: before.id, title: before.title, fields: [] });
            continue;
          }
          if (entry.version !== before.version) {
            problems.push({ index, code: 'staleVersion', sent: entry.version, current: before.version });
            continue;
          }
          ensureEditable(itemEditRefusal(subProgramme.cycle_status, subProgramme.status, before.reviewStatus));
        }
      } catch (error) {
        refuse(index, error);
        continue;
      }
      const refusal = referenceRefusalOf(await referencesOf(changes));
      if (refusal) {
        refuse(index, refusal);
        continue;
      }
      plans.push(
        before
          ? { index, kind: 'update', id: before.id, version: before.version, changes }
          : { index, kind: 'create', input: entry.input },
      );
    }
    if (problems.length > 0) return { ok: false, problems };

    const creates = plans.flatMap((plan) => (plan.kind === 'create' ? [plan] : []));
    const updates = plans.flatMap((plan) => (plan.kind === 'update' ? [plan] : []));
    if (options.dryRun) {
      return {
        ok: true,
        created: creates.map((plan) => ({ index: plan.index, id: null, title: plan.input.title, fields: [] })),
        updated: updates.map((plan) => ({
          index: plan.index,
          id: plan.id,
          title: plan.changes.title ?? current.get(plan.id)!.title,
          fields: Object.keys(plan.changes),
        })),
        unchanged,
        createdItems: [],
      };
    }
    try {
      return await db.transaction().execute(async (trx) => {
        const updated: ItemChangeRow[] = [];
        const refused: ItemChangeProblem[] = [];
        let applied = 0;
        for (const plan of updates) {
          options.onProgress?.('apply', ++applied, plans.length);
          try {
            const item = await updateWithin(trx, context, plan.id, plan.version, plan.changes);
            updated.push({ index: plan.index, id: item.id, title: item.title, fields: Object.keys(plan.changes) });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            refused.push({ index: plan.index, code: 'refused', error });
          }
        }
        if (refused.length > 0) throw new BatchRefused(refused);
        if (creates.length === 0) return { ok: true, created: [], updated, unchanged, createdItems: [] };
        // New items together: their rules were checked one by one above and are checked again
        // here, under the sub-programme's lock; a refusal now (it changed meanwhile) refuses all.
        const created = await createManyWithin(
          trx,
          context,
          subProgrammeId,
          creates.map((plan) => plan.input),
        );
        options.onProgress?.('apply', plans.length, plans.length);
        return {
          ok: true,
          created: created.map((item, i) => ({ index: creates[i]!.index, id: item.id, title: item.title, fields: [] })),
          updated,
          unchanged,
          createdItems: created,
        };
      });
    } catch (error) {
      if (error instanceof BatchRefused) return { ok: false, problems: error.problems };
      throw error;
    }
  }

  return {
    async list(context: RequestContext, subProgrammeId: number): Promise<LineItem[]> {
      const subProgramme = await createSubProgrammeRepository(db).findById(subProgrammeId);
      if (!subProgramme) throw subProgrammeNotFound();
      ensureVisible(context.actor, budgetScope(subProgramme), subProgrammeNotFound);
      const records = await items.listBySubProgramme(subProgrammeId);
      return records.map((r) => toLineItem(r, subProgramme.cycle_year));
    },

    async get(context: RequestContext, id: number): Promise<LineItem> {
      const record = await items.findWithScope(id);
      if (!record) throw lineItemNotFound();
      ensureVisible(context.actor, budgetScope(record), lineItemNotFound);
      return toLineItem(record, record.cycle_year);
    },

    async create(context: RequestContext, subProgrammeId: number, input: CreateLineItemInput): Promise<LineItem> {
      const [created] = await db
        .transaction()
        .execute((trx) => createManyWithin(trx, context, subProgrammeId, [input]));
      return created!;
    },

    /**
     * Many new items, all or none, through applyChanges like the import: the rules of create in
     * the same order — visible (404), owner (403), editable (409), settled before the body is read
     * — then every problem of every item at once (422, paths `items.<index>.<field>`): the
     * schema's, and the references of every field the schema accepted. Items without a rank
     * follow the existing ones in the order sent.
     */
    async createMany(context: RequestContext, subProgrammeId: number, body: unknown): Promise<LineItem[]> {
      await subProgrammeForNewItems(db, context, subProgrammeId);
      const batch = readBatch(body);
      if (batch.envelope.length > 0) throw new ValidationError(batchRefusal, batch.envelope);
      const outcome = await applyChanges(
        context,
        subProgrammeId,
        batch.items.map(({ input, checkable }) => ({ id: null, version: null, input, checkable })),
        // Items the schema refused are only checked, so that every problem is answered at once.
        { dryRun: batch.items.some((item) => item.problems.length > 0) },
      );
      const refusals = outcome.ok ? [] : outcome.problems;
      const problems = batch.items.flatMap((item, index) => [
        ...item.problems,
        ...refusals.filter((found) => found.index === index).flatMap(batchProblems),
      ]);
      if (problems.length > 0 || !outcome.ok) throw new ValidationError(batchRefusal, problems);
      return outcome.createdItems;
    },

    async update(
      context: RequestContext,
      id: number,
      expected: ExpectedVersion,
      input: UpdateLineItemInput,
    ): Promise<LineItem> {
      return db.transaction().execute((trx) => updateWithin(trx, context, id, expected, input));
    },

    /** New items and changes of one sub-programme, all or none: the one path of the batch API and the spreadsheet import. */
    applyChanges,

    /**
     * ITC's proposal on an item: visible (404), ITC (403), If-Match (428/412), the cycle in review
     * or consolidated (409), the cycle's years only (422). The years named get the amounts given;
     * the others keep their proposal, or start from the request. The request is never touched.
     */
    async propose(context: RequestContext, id: number, expected: ExpectedVersion, input: ProposalInput) {
      return db.transaction().execute(async (trx) => {
        const repository = createLineItemRepository(trx);
        const scope = await repository.lockForEdit(id);
        if (!scope) throw lineItemNotFound();
        ensureVisible(context.actor, budgetScope(scope), lineItemNotFound);
        ensureAllowed(context.actor, { action: 'lineItem.propose', scope: budgetScope(scope) }, NOT_PROPOSER);
        ensureVersion(expected, scope.version);
        // Read again under the lock: an approval that committed meanwhile has closed the window.
        const { cycle_status: cycleStatus } = (await repository.scopeOf(id))!;
        if (!isProposalWindow(cycleStatus)) throw new InvalidStateError(message('lineItem.proposalClosed'));
        const before = await read(repository, id, scope.cycle_year);
        const years = fiscalYearsOf(scope.cycle_year).map(String);
        const outside = Object.keys(input.amounts).filter((year) => !years.includes(year));
        if (outside.length > 0) {
          throw new ValidationError(
            referenceRefusal,
            outside.map((year) => ({
              path: `body.amounts.${year}`,
              message: message('lineItem.notCycleYear', { years }),
            })),
          );
        }
        const start = before.stages.proposal ?? before.stages.request;
        await repository.setProposal(
          id,
          years.map((year) => [Number(year), input.amounts[year] ?? start[year]!]),
          { reasonCode: input.reasonCode, comment: input.comment ?? '' },
        );
        await repository.update(id, { updated_by: context.actor.id });
        const after = await read(repository, id, scope.cycle_year);
        await recordAudit(trx, context, {
          action: 'lineItem.propose',
          entityType: 'line_item',
          entityId: id,
          before: { proposal: before.stages.proposal, proposalReason: before.stages.proposalReason },
          after: { proposal: after.stages.proposal, proposalReason: after.stages.proposalReason },
        });
        return after;
      });
    },

    async remove(context: RequestContext, id: number, expected: ExpectedVersion): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const repository = createLineItemRepository(trx);
        const { before } = await lockForChange(repository, context, id, expected);
        await repository.delete(id);
        await recordAudit(trx, context, {
          action: 'lineItem.delete',
          entityType: 'line_item',
          entityId: id,
          before: audited(before),
        });
      });
    },

    /**
     * ITC accepts an item or returns it with a comment, one item at a time: the sub-programme stays
     * `submitted` so the review goes on. Giving the sub-programme back is its own decision
     * (SubProgrammeService.return); until then the lead changes nothing.
     */
    async review(context: RequestContext, id: number, input: ReviewInput): Promise<LineItem> {
      await visibleScope(context, id);
      return db.transaction().execute(async (trx) => {
        const repository = createLineItemRepository(trx);
        const subProgrammes = createSubProgrammeRepository(trx);
        const located = await repository.scopeOf(id);
        if (!located) throw lineItemNotFound();
        await subProgrammes.lock(located.sub_programme_id, 'update');
        await repository.lock(id);
        const scope = (await repository.scopeOf(id))!;
        ensureReviewer(context.actor, budgetScope(scope));
        const before = await read(repository, id, scope.cycle_year);
        if (!canDecideOnSubmission(scope.cycle_status, scope.sub_programme_status)) {
          throw new InvalidStateError(message('lineItem.reviewClosed'));
        }
        if (!isDecidableItem(before.reviewStatus)) {
          throw new InvalidStateError(message('lineItem.notReviewable'));
        }
        if (input.decision === 'return' && !input.comment) {
          throw fieldError(message('lineItem.returnNeedsComment'), 'body.comment', message('field.required'));
        }
        const to = input.decision === 'accept' ? 'accepted' : 'returned';
        await repository.update(id, { review_status: to, updated_by: context.actor.id });
        if (input.comment) {
          await repository.insertComment({
            lineItemId: id,
            subProgrammeId: null,
            authorId: context.actor.id,
            kind: input.decision,
            body: input.comment,
          });
        }
        const after = await read(repository, id, scope.cycle_year);
        await recordAudit(trx, context, {
          action: `lineItem.${input.decision}`,
          entityType: 'line_item',
          entityId: id,
          before: audited(before),
          after: { ...audited(after), comment: input.comment ?? null },
        });
        return after;
      });
    },

    async listComments(context: RequestContext, id: number): Promise<Comment[]> {
      await visibleScope(context, id);
      return (await items.listComments({ lineItemId: id })).map(toComment);
    },

    async addComment(context: RequestContext, id: number, body: string): Promise<Comment> {
      const scope = await visibleScope(context, id);
      ensureAllowed(
        context.actor,
        { action: 'lineItem.comment', scope: budgetScope(scope) },
        message('lineItem.notCommenter'),
      );
      return db.transaction().execute(async (trx) => {
        const repository = createLineItemRepository(trx);
        const commentId = await repository.insertComment({
          lineItemId: id,
          subProgrammeId: null,
          authorId: context.actor.id,
          kind: 'comment',
          body,
        });
        await recordAudit(trx, context, {
          action: 'lineItem.comment',
          entityType: 'line_item',
          entityId: id,
          after: { commentId, body },
        });
        const comments = await repository.listComments({ lineItemId: id });
        return toComment(comments.find((c) => c.id === commentId)!);
      });
    },

    async history(context: RequestContext, id: number): Promise<AuditEvent[]> {
      await visibleScope(context, id);
      return audit.historyOf('line_item', id);
    },
  };
}

export function toComment(row: Awaited<ReturnType<LineItemRepository['listComments']>>[number]): Comment {
  return {
    id: row.id,
    lineItemId: row.line_item_id,
    subProgrammeId: row.sub_programme_id,
    kind: row.kind,
    body: row.body,
    authorId: row.author_id,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
  };
}

export type LineItemService = ReturnType<typeof createLineItemService>;
