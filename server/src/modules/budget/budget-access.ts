import type { CycleStatus, SubProgrammeKind } from '@ikt/shared/domain';
import type { EditRefusal } from '@ikt/shared/editability';
import { can, type Actor, type BudgetScope, type Permission } from '@ikt/shared/permissions';
import { ForbiddenError, InvalidStateError, NotFoundError, type Localized } from '../../errors';
import { message, type PlainCode } from '../../messages/message';

/** The rules every budget route applies in the same order: visible (else 404), allowed (else 403), editable now (else 409). */

export function budgetScope(row: {
  institution_id: number;
  kind: SubProgrammeKind;
  cycle_status: CycleStatus;
}): BudgetScope {
  return { institutionId: row.institution_id, kind: row.kind, cycleStatus: row.cycle_status };
}

export const subProgrammeNotFound = () => new NotFoundError(message('subProgramme.notFound'));
export const lineItemNotFound = () => new NotFoundError(message('lineItem.notFound'));

export function ensureVisible(actor: Actor, scope: BudgetScope, notFound: () => NotFoundError): void {
  if (!can(actor, { action: 'subProgramme.read', scope })) throw notFound();
}

export function ensureAllowed(actor: Actor, permission: Permission, refusal: Localized): void {
  if (!can(actor, permission)) throw new ForbiddenError(refusal);
}

const REFUSALS: Record<EditRefusal, PlainCode> = {
  'cycle-not-open': 'budget.cycleNotOpen',
  'sub-programme-locked': 'budget.subProgrammeLocked',
  'item-not-returned': 'budget.itemNotReturned',
  'item-cut': 'budget.itemCut',
};

export function ensureEditable(refusal: EditRefusal | null): void {
  if (refusal) throw new InvalidStateError(message(REFUSALS[refusal]));
}

export const NOT_OWNER = message('budget.notOwner');
export const NOT_REVIEWER = message('budget.notReviewer');

/** Changes are its owner's: the institution's lead, ITC for the central sub-programme (403 otherwise). */
export function ensureEditor(actor: Actor, scope: BudgetScope): void {
  ensureAllowed(actor, { action: 'subProgramme.edit', scope }, NOT_OWNER);
}

/** Decisions on items and sub-programmes are ITC finance's (403 otherwise). */
export function ensureReviewer(actor: Actor, scope: BudgetScope): void {
  ensureAllowed(actor, { action: 'subProgramme.review', scope }, NOT_REVIEWER);
}
