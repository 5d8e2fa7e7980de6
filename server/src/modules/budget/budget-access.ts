import type { CycleStatus, SubProgrammeKind } from '@ikt/shared/domain';
import type { EditRefusal } from '@ikt/shared/editability';
import { can, type Actor, type BudgetScope, type Permission } from '@ikt/shared/permissions';
import { ForbiddenError, InvalidStateError, NotFoundError, type Localized } from '../../errors';

/** The rules every budget route applies in the same order: visible (else 404), allowed (else 403), editable now (else 409). */

export function budgetScope(row: {
  institution_id: number;
  kind: SubProgrammeKind;
  cycle_status: CycleStatus;
}): BudgetScope {
  return { institutionId: row.institution_id, kind: row.kind, cycleStatus: row.cycle_status };
}

export const subProgrammeNotFound = () =>
  new NotFoundError({ lv: 'Apakšprogramma nav atrasta.', en: 'Sub-programme not found.' });
export const lineItemNotFound = () => new NotFoundError({ lv: 'Pozīcija nav atrasta.', en: 'Line item not found.' });
export const cycleNotFound = () =>
  new NotFoundError({ lv: 'Budžeta cikls nav atrasts.', en: 'Budget cycle not found.' });

export function ensureVisible(actor: Actor, scope: BudgetScope, notFound: () => NotFoundError): void {
  if (!can(actor, { action: 'subProgramme.read', scope })) throw notFound();
}

export function ensureAllowed(actor: Actor, permission: Permission, refusal: Localized): void {
  if (!can(actor, permission)) throw new ForbiddenError(refusal);
}

const refusalMessages: Record<EditRefusal, Localized> = {
  'cycle-not-open': {
    lv: 'Budžeta cikls pašlaik nav atvērts labošanai.',
    en: 'The budget cycle is not open for changes now.',
  },
  'sub-programme-locked': {
    lv: 'Apakšprogramma ir iesniegta vai pieņemta; to var labot tikai pēc atgriešanas.',
    en: 'The sub-programme is submitted or accepted; it can be changed only after it is returned.',
  },
  'item-not-returned': {
    lv: 'Pēc iesniegšanas termiņa var labot tikai atgrieztās pozīcijas.',
    en: 'Past the deadline only returned items can be changed.',
  },
  'item-cut': { lv: 'Pozīcija ir izslēgta (samazinājuma scenārijs).', en: 'The item has been cut (cut scenario).' },
};

export function ensureEditable(refusal: EditRefusal | null): void {
  if (refusal) throw new InvalidStateError(refusalMessages[refusal]);
}

export const NOT_OWNER: Localized = {
  lv: 'Šo apakšprogrammu labo tās iestāde (centralizēto — ITC).',
  en: 'This sub-programme is edited by its institution (the central one by ITC).',
};
export const NOT_REVIEWER: Localized = {
  lv: 'Pozīcijas un apakšprogrammas izskata ITC finanses.',
  en: 'Items and sub-programmes are reviewed by ITC finance.',
};
