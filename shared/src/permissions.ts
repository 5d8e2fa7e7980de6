import type { CycleStatus, Role, SubProgrammeKind } from './domain';

/**
 * Who may do what (by role, and for an institution lead only its own institution), decided in one
 * pure function. The server calls it on every route; the client only uses it to hide what would be
 * refused.
 *
 * `can` answers about roles and ownership. Whether the *state* of a cycle or sub-programme allows
 * a change (an open cycle, a returned item, …) is a separate question: see `editability` below.
 * A resource the actor may not read is answered 404; an action the actor may not take on a
 * resource it can read is answered 403.
 */
export interface Actor {
  id: number;
  role: Role;
  institutionId: number | null;
}

/** Where a sub-programme or line item sits, as far as permissions care. */
export interface BudgetScope {
  institutionId: number;
  kind: SubProgrammeKind;
  cycleStatus: CycleStatus;
}

export type Permission =
  | { action: 'cycle.read'; cycleStatus: CycleStatus }
  | { action: 'cycle.manage' } // create, edit, roll over
  | { action: 'cycle.transition'; from: CycleStatus; to: CycleStatus }
  | { action: 'subProgramme.read'; scope: BudgetScope }
  | { action: 'subProgramme.create'; scope: Pick<BudgetScope, 'institutionId' | 'kind'> }
  | { action: 'subProgramme.edit'; scope: BudgetScope } // its name, its items, submitting it
  | { action: 'subProgramme.review'; scope: BudgetScope } // accept / return, items and whole
  | { action: 'lineItem.comment'; scope: BudgetScope }
  /** ITC's proposal on an item (a stage beside the institution's request). */
  | { action: 'lineItem.propose'; scope: BudgetScope }
  | { action: 'audit.read' }
  | { action: 'referenceData.manage' }
  | { action: 'user.manage' }
  | { action: 'consolidation.read'; cycleStatus: CycleStatus; institutionId?: number | undefined }
  /** The full cost per institution: of every institution without `institutionId`, of that one with it. */
  | { action: 'fullCost.read'; cycleStatus: CycleStatus; institutionId?: number | undefined }
  /** Recording the services' drivers and each institution's consumption (ITC's knowledge of who uses what). */
  | { action: 'allocationBasis.manage' }
  | { action: 'scenario.read'; cycleStatus: CycleStatus }
  | { action: 'scenario.create' }
  | { action: 'scenario.adopt' }
  | { action: 'indicators.manage' }
  /** The M6 figures: of the whole city without `institutionId`, of that institution's own items with it. */
  | { action: 'indicators.read'; cycleStatus: CycleStatus; institutionId?: number | undefined };

/** Cycle statuses the Finance Department may see: everything past `open`. */
const PAST_OPEN: readonly CycleStatus[] = ['review', 'consolidated', 'approved', 'closed'];

/** Cycle statuses whose figures are published: the council approved the budget. */
const PUBLISHED: readonly CycleStatus[] = ['approved', 'closed'];

/**
 * Who moves a cycle from one status to the next (draft → open → review → consolidated → approved →
 * closed); `admin` reopens.
 */
export const CYCLE_TRANSITIONS: readonly { from: CycleStatus; to: CycleStatus; roles: readonly Role[] }[] = [
  { from: 'draft', to: 'open', roles: ['itc_finance'] },
  { from: 'open', to: 'review', roles: ['itc_finance'] },
  { from: 'review', to: 'open', roles: ['itc_finance', 'admin'] },
  { from: 'review', to: 'consolidated', roles: ['itc_finance'] },
  { from: 'consolidated', to: 'review', roles: ['itc_finance', 'admin'] },
  { from: 'consolidated', to: 'approved', roles: ['council'] },
  { from: 'approved', to: 'closed', roles: ['itc_finance'] },
  { from: 'approved', to: 'open', roles: ['admin'] },
  { from: 'closed', to: 'open', roles: ['admin'] },
];

function ownsScope(actor: Actor, scope: Pick<BudgetScope, 'institutionId' | 'kind'>): boolean {
  if (actor.role === 'institution_lead')
    return scope.kind === 'institution' && actor.institutionId === scope.institutionId;
  if (actor.role === 'itc_finance') return scope.kind === 'central';
  return false;
}

function readsScope(actor: Actor, scope: BudgetScope): boolean {
  switch (actor.role) {
    case 'institution_lead':
      return actor.institutionId === scope.institutionId;
    case 'finance_viewer':
      return PAST_OPEN.includes(scope.cycleStatus);
    default:
      return true;
  }
}

export function can(actor: Actor, permission: Permission): boolean {
  switch (permission.action) {
    case 'cycle.read':
      return actor.role !== 'finance_viewer' || PAST_OPEN.includes(permission.cycleStatus);
    case 'cycle.manage':
      return actor.role === 'itc_finance';
    case 'cycle.transition':
      return CYCLE_TRANSITIONS.some(
        (t) => t.from === permission.from && t.to === permission.to && t.roles.includes(actor.role),
      );
    case 'subProgramme.read':
      return readsScope(actor, permission.scope);
    case 'subProgramme.create':
      return actor.role === 'itc_finance' || ownsScope(actor, permission.scope);
    case 'subProgramme.edit':
      return readsScope(actor, permission.scope) && ownsScope(actor, permission.scope);
    case 'subProgramme.review':
    case 'lineItem.propose':
      return actor.role === 'itc_finance';
    case 'lineItem.comment':
      return (
        readsScope(actor, permission.scope) &&
        (ownsScope(actor, permission.scope) || actor.role === 'itc_finance' || actor.role === 'council')
      );
    case 'audit.read':
      return actor.role === 'itc_finance' || actor.role === 'admin';
    case 'referenceData.manage':
    case 'user.manage':
      return actor.role === 'admin';
    case 'scenario.read':
      // Scenarios name items of every institution: not for a single institution's lead.
      return (
        actor.role !== 'institution_lead' &&
        (actor.role !== 'finance_viewer' || PAST_OPEN.includes(permission.cycleStatus))
      );
    case 'scenario.create':
      return actor.role === 'itc_finance' || actor.role === 'council';
    case 'scenario.adopt':
      return actor.role === 'council';
    case 'indicators.manage':
      return actor.role === 'itc_finance';
    case 'indicators.read':
      // The city's ICT total and its ratios add up every institution's items: a lead sees them
      // once they are published, and before that only its own institution's figures.
      if (actor.role === 'institution_lead') {
        return permission.institutionId === undefined
          ? PUBLISHED.includes(permission.cycleStatus)
          : permission.institutionId === actor.institutionId;
      }
      return actor.role !== 'finance_viewer' || PAST_OPEN.includes(permission.cycleStatus);
    case 'allocationBasis.manage':
      return actor.role === 'itc_finance';
    case 'consolidation.read':
    case 'fullCost.read':
      if (actor.role === 'institution_lead') {
        return permission.institutionId !== undefined && permission.institutionId === actor.institutionId;
      }
      return actor.role !== 'finance_viewer' || PAST_OPEN.includes(permission.cycleStatus);
  }
}
