import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import {
  canDecideOnSubmission,
  canReturnSubProgramme,
  isHandedIn,
  submitRefusal,
  subProgrammeEditRefusal,
  withdrawRefusal,
} from '@ikt/shared/editability';
import { LINE_ITEM_FIELDS, type Comment, type LineItem } from '@ikt/shared/line-item.schema';
import { can } from '@ikt/shared/permissions';
import {
  isSubProgrammeCodeOf,
  subProgrammeCodePrefix,
  type CreateSubProgrammeInput,
  type SubProgramme,
  type SubProgrammeChanges,
  type UpdateSubProgrammeInput,
} from '@ikt/shared/sub-programme.schema';
import { submitRuleProblems } from '@ikt/shared/submit-rules';
import type { RequestContext } from '../../context';
import { ConflictError, InvalidStateError, ValidationError, fieldError, type FieldProblem } from '../../errors';
import { ensureVersion, type ExpectedVersion } from '../../http/etag';
import { message } from '../../messages/message';
import { insertAudited, recordAudit } from '../audit/audit.service';
import type { CycleService } from '../cycles/cycles.service';
import {
  NOT_OWNER,
  budgetScope,
  ensureAllowed,
  ensureEditor,
  ensureReviewer,
  ensureEditable,
  ensureVisible,
  subProgrammeNotFound,
} from './budget-access';
import { createLineItemRepository } from './line-item.repository';
import { completeAmounts, toLineItem } from './line-item.mapper';
import { toComment } from './line-item.service';
import { createSubProgrammeRepository, type SubProgrammeRow } from './sub-programme.repository';

export function toSubProgramme(row: SubProgrammeRow): SubProgramme {
  return {
    id: row.id,
    cycleId: row.cycle_id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    institutionId: row.institution_id,
    institutionCode: row.institution_code,
    status: row.status,
    version: row.version,
    totals: completeAmounts(row.totals, row.cycle_year),
  };
}

/** The fields a reviewer compares between two submissions, in the order they are shown. */
const COMPARED_FIELDS: (keyof LineItem)[] = [...LINE_ITEM_FIELDS, 'beneficiaries', 'amounts'];

/** A field of a submitted item; a submission made before items named beneficiaries named none. */
function comparedValue(item: LineItem, field: keyof LineItem): unknown {
  if (field !== 'beneficiaries') return item[field];
  const stored: Partial<Pick<LineItem, 'beneficiaries'>> = item;
  return stored.beneficiaries ?? [];
}

export function diffSubmissions(
  before: LineItem[],
  after: LineItem[],
): Omit<SubProgrammeChanges, 'subProgrammeId' | 'since' | 'until'> {
  const beforeById = new Map(before.map((item) => [item.id, item]));
  const afterIds = new Set(after.map((item) => item.id));
  const changed: SubProgrammeChanges['changed'] = [];
  const added: SubProgrammeChanges['added'] = [];
  for (const item of after) {
    const previous = beforeById.get(item.id);
    if (!previous) {
      added.push({ lineItemId: item.id, title: item.title });
      continue;
    }
    const changes = COMPARED_FIELDS.filter(
      (field) => JSON.stringify(comparedValue(previous, field)) !== JSON.stringify(comparedValue(item, field)),
    ).map((field) => ({ field, before: comparedValue(previous, field), after: comparedValue(item, field) }));
    if (changes.length > 0) changed.push({ lineItemId: item.id, title: item.title, changes });
  }
  const removed = before
    .filter((item) => !afterIds.has(item.id))
    .map((item) => ({ lineItemId: item.id, title: item.title }));
  return { added, removed, changed };
}

/** ITC's comment on a decision about the whole sub-programme (not on one of its items). */
function commentOnWhole(
  trx: Kysely<Database>,
  context: RequestContext,
  subProgrammeId: number,
  kind: 'return' | 'accept',
  body: string,
) {
  return createLineItemRepository(trx).insertComment({
    lineItemId: null,
    subProgrammeId,
    authorId: context.actor.id,
    kind,
    body,
  });
}

export function createSubProgrammeService(db: Kysely<Database>, cycles: CycleService) {
  const subProgrammes = createSubProgrammeRepository(db);

  async function visible(context: RequestContext, id: number): Promise<SubProgrammeRow> {
    const row = await subProgrammes.findById(id);
    if (!row) throw subProgrammeNotFound();
    ensureVisible(context.actor, budgetScope(row), subProgrammeNotFound);
    return row;
  }

  /** Runs a status change with the sub-programme locked, then answers its new state. */
  async function withLocked<T>(
    context: RequestContext,
    id: number,
    change: (trx: Kysely<Database>, row: SubProgrammeRow) => Promise<T>,
  ): Promise<SubProgramme> {
    await visible(context, id);
    return db.transaction().execute(async (trx) => {
      const repository = createSubProgrammeRepository(trx);
      await repository.lock(id, 'update');
      const row = (await repository.findById(id))!;
      await change(trx, row);
      return toSubProgramme((await repository.findById(id))!);
    });
  }

  async function currentItems(trx: Kysely<Database>, row: SubProgrammeRow): Promise<LineItem[]> {
    const records = await createLineItemRepository(trx).listBySubProgramme(row.id);
    return records.map((r) => toLineItem(r, row.cycle_year));
  }

  return {
    async list(context: RequestContext, cycleId: number): Promise<SubProgramme[]> {
      await cycles.get(context, cycleId);
      const onlyOwn = context.actor.role === 'institution_lead' ? (context.actor.institutionId ?? -1) : undefined;
      const rows = await subProgrammes.listByCycle(cycleId, onlyOwn);
      return rows
        .filter((row) => can(context.actor, { action: 'subProgramme.read', scope: budgetScope(row) }))
        .map(toSubProgramme);
    },

    async get(context: RequestContext, id: number): Promise<SubProgramme> {
      return toSubProgramme(await visible(context, id));
    },

    async create(context: RequestContext, cycleId: number, input: CreateSubProgrammeInput): Promise<SubProgramme> {
      const cycle = await cycles.get(context, cycleId);
      const itc = await subProgrammes.itcInstitution();
      const institutionId =
        input.kind === 'central'
          ? itc?.id
          : context.actor.role === 'institution_lead'
            ? (context.actor.institutionId ?? undefined)
            : input.institutionId;
      if (institutionId === undefined) {
        throw fieldError(message('subProgramme.institutionRequired'), 'body.institutionId', message('field.required'));
      }
      const institution = await subProgrammes.institutionOf(institutionId);
      if (!institution || (input.kind === 'institution' && institution.is_itc)) {
        throw fieldError(
          message('subProgramme.invalidInstitution'),
          'body.institutionId',
          message('field.invalidInstitution'),
        );
      }
      ensureAllowed(
        context.actor,
        { action: 'subProgramme.create', scope: { institutionId, kind: input.kind } },
        NOT_OWNER,
      );
      if (cycle.status !== 'draft' && cycle.status !== 'open') {
        throw new InvalidStateError(message('subProgramme.createClosed'));
      }
      if (!isSubProgrammeCodeOf(input.code, institution.code)) {
        throw fieldError(
          message('subProgramme.codeOfInstitution'),
          'body.code',
          message('subProgramme.codePrefix', { prefix: subProgrammeCodePrefix(institution.code) }),
        );
      }
      return db.transaction().execute(async (trx) => {
        const repository = createSubProgrammeRepository(trx);
        return insertAudited(
          trx,
          context,
          { action: 'subProgramme.create', entityType: 'sub_programme' },
          {
            insert: () =>
              repository.insert({
                cycle_id: cycleId,
                code: input.code,
                name: input.name,
                kind: input.kind,
                institution_id: institutionId,
              }),
            taken: () => new ConflictError(message('subProgramme.codeTaken')),
            read: async (id) => toSubProgramme((await repository.findById(id))!),
          },
        );
      });
    },

    async update(
      context: RequestContext,
      id: number,
      expected: ExpectedVersion,
      input: UpdateSubProgrammeInput,
    ): Promise<SubProgramme> {
      return withLocked(context, id, async (trx, row) => {
        ensureEditor(context.actor, budgetScope(row));
        ensureVersion(expected, row.version);
        ensureEditable(subProgrammeEditRefusal(row.cycle_status, row.status));
        if (input.name !== undefined) await createSubProgrammeRepository(trx).rename(id, input.name);
        await recordAudit(trx, context, {
          action: 'subProgramme.update',
          entityType: 'sub_programme',
          entityId: id,
          before: { name: row.name },
          after: { name: input.name ?? row.name },
        });
      });
    },

    /** Refused with every problem of every item at once unless all pass the submit rules. */
    async submit(context: RequestContext, id: number): Promise<SubProgramme> {
      return withLocked(context, id, async (trx, row) => {
        ensureEditor(context.actor, budgetScope(row));
        ensureEditable(submitRefusal(row.cycle_status, row.status));
        const items = await currentItems(trx, row);
        const counted = items.filter((item) => item.reviewStatus !== 'cut');
        const problems: FieldProblem[] = counted.flatMap((item) =>
          submitRuleProblems({ ...item, central: row.kind === 'central' }).map((p) => ({
            path: `lineItems.${item.id}.${p.field}`,
            message: p.message,
          })),
        );
        if (counted.length === 0) {
          problems.push({ path: 'lineItems', message: message('subProgramme.noItems') });
        }
        if (problems.length > 0) {
          throw new ValidationError(message('subProgramme.cannotSubmit', { problems: problems.length }), problems);
        }
        const lineItems = createLineItemRepository(trx);
        await lineItems.setReviewStatusWhere(id, ['draft', 'returned'], 'submitted');
        await createSubProgrammeRepository(trx).setStatus(id, 'submitted');
        await createSubProgrammeRepository(trx).insertSnapshot(id, context.actor.id, await currentItems(trx, row));
        await recordAudit(trx, context, {
          action: 'subProgramme.submit',
          entityType: 'sub_programme',
          entityId: id,
          before: { status: row.status },
          after: { status: 'submitted', items: counted.length },
        });
      });
    },

    async return(context: RequestContext, id: number, comment: string): Promise<SubProgramme> {
      return withLocked(context, id, async (trx, row) => {
        ensureReviewer(context.actor, budgetScope(row));
        if (!canReturnSubProgramme(row.cycle_status, row.status)) {
          throw new InvalidStateError(message('subProgramme.cannotReturn'));
        }
        const returnedItemIds = (await currentItems(trx, row))
          .filter((item) => item.reviewStatus === 'returned')
          .map((item) => item.id);
        await createSubProgrammeRepository(trx).setStatus(id, 'returned');
        await commentOnWhole(trx, context, id, 'return', comment);
        await recordAudit(trx, context, {
          action: 'subProgramme.return',
          entityType: 'sub_programme',
          entityId: id,
          before: { status: row.status },
          after: { status: 'returned', comment, returnedItemIds },
        });
      });
    },

    async accept(context: RequestContext, id: number, comment: string | undefined): Promise<SubProgramme> {
      return withLocked(context, id, async (trx, row) => {
        ensureReviewer(context.actor, budgetScope(row));
        if (!canDecideOnSubmission(row.cycle_status, row.status)) {
          throw new InvalidStateError(message('subProgramme.cannotAccept'));
        }
        // Accepting the whole would accept what ITC itself returned: accept those items first, or
        // return the sub-programme.
        const returned = (await currentItems(trx, row)).filter((item) => item.reviewStatus === 'returned');
        if (returned.length > 0) {
          throw new InvalidStateError(
            message('subProgramme.hasReturnedItems', { count: returned.length }),
            returned.map((item) => ({
              path: `lineItems.${item.id}`,
              message: message('subProgramme.returnedItem', { title: item.title }),
            })),
          );
        }
        const lineItems = createLineItemRepository(trx);
        const accepted = await lineItems.setReviewStatusWhere(id, ['submitted'], 'accepted');
        await createSubProgrammeRepository(trx).setStatus(id, 'accepted');
        if (comment) await commentOnWhole(trx, context, id, 'accept', comment);
        await recordAudit(trx, context, {
          action: 'subProgramme.accept',
          entityType: 'sub_programme',
          entityId: id,
          before: { status: row.status },
          after: { status: 'accepted', acceptedItemIds: accepted, comment: comment ?? null },
        });
      });
    },

    /**
     * Its lead takes a submission back to draft while ITC has not started on it: no item decided
     * and no comment by ITC since it was submitted (409 otherwise). Only while the cycle is open —
     * past the deadline a draft could not be submitted again.
     */
    async withdraw(context: RequestContext, id: number): Promise<SubProgramme> {
      return withLocked(context, id, async (trx, row) => {
        ensureEditor(context.actor, budgetScope(row));
        const refusal = withdrawRefusal(row.cycle_status, row.status);
        if (refusal === 'not-submitted') {
          throw new InvalidStateError(message('subProgramme.withdrawNotSubmitted'));
        }
        if (refusal === 'cycle-not-open') {
          throw new InvalidStateError(message('subProgramme.withdrawClosed'));
        }
        const repository = createSubProgrammeRepository(trx);
        const lineItems = createLineItemRepository(trx);
        const [submission] = await repository.latestSnapshots(id, 1);
        const items = await currentItems(trx, row);
        const submitted = new Map(
          ((submission?.items ?? []) as LineItem[]).map((item) => [item.id, item.reviewStatus]),
        );
        // Only ITC changes an item's review status while the sub-programme is submitted.
        const decided = items.filter((item) =>
          submission
            ? submitted.get(item.id) !== item.reviewStatus
            : ['accepted', 'returned'].includes(item.reviewStatus),
        );
        const commented = await lineItems.hasCommentsBySince(
          id,
          'itc_finance',
          submission?.submitted_at ?? new Date(0),
        );
        if (decided.length > 0 || commented) {
          throw new InvalidStateError(message('subProgramme.reviewStarted'));
        }
        await lineItems.setReviewStatusWhere(id, ['submitted'], 'draft');
        await repository.setStatus(id, 'draft');
        if (submission) await repository.deleteSnapshot(submission.id);
        await recordAudit(trx, context, {
          action: 'subProgramme.withdraw',
          entityType: 'sub_programme',
          entityId: id,
          before: { status: row.status, submittedAt: submission?.submitted_at.toISOString() ?? null },
          after: { status: 'draft' },
        });
      });
    },

    async comments(context: RequestContext, id: number): Promise<Comment[]> {
      await visible(context, id);
      return (await createLineItemRepository(db).listComments({ subProgrammeId: id })).map(toComment);
    },

    /** Every comment on the sub-programme's items, oldest first: the threads ITC and the lead keep. */
    async itemComments(context: RequestContext, id: number): Promise<Comment[]> {
      await visible(context, id);
      return (await createLineItemRepository(db).listComments({ itemsOf: id })).map(toComment);
    },

    /**
     * For the reviewer: a submitted sub-programme against its previous submission; one being
     * reworked, its current items against the last submission.
     */
    async changes(context: RequestContext, id: number): Promise<SubProgrammeChanges> {
      const row = await visible(context, id);
      const snapshots = await subProgrammes.latestSnapshots(id, 2);
      const underReview = isHandedIn(row.status);
      const [newest, previous] = snapshots;
      const base = underReview ? previous : newest;
      const current = underReview && newest ? (newest.items as LineItem[]) : await currentItems(db, row);
      return {
        subProgrammeId: id,
        since: base ? base.submitted_at.toISOString() : null,
        until: underReview && newest ? newest.submitted_at.toISOString() : null,
        ...diffSubmissions(base ? (base.items as LineItem[]) : [], current),
      };
    },
  };
}

export type SubProgrammeService = ReturnType<typeof createSubProgrammeService>;
