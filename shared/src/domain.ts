/** The closed vocabularies of the domain: roles, statuses, kinds. The database checks the same lists. */

export const ROLES = ['institution_lead', 'itc_finance', 'finance_viewer', 'council', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CYCLE_STATUSES = ['draft', 'open', 'review', 'consolidated', 'approved', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

export const SUB_PROGRAMME_KINDS = ['institution', 'central'] as const;
export type SubProgrammeKind = (typeof SUB_PROGRAMME_KINDS)[number];

export const SUB_PROGRAMME_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SubProgrammeStatus = (typeof SUB_PROGRAMME_STATUSES)[number];

export const COST_NATURES = ['maintenance', 'development', 'implementation'] as const;
export type CostNature = (typeof COST_NATURES)[number];

export const PRIORITIES = ['mandatory', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REVIEW_STATUSES = ['draft', 'submitted', 'accepted', 'returned', 'cut'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const COMMENT_KINDS = ['comment', 'return', 'accept'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export const SCENARIO_METHODS = ['priority', 'uniform'] as const;
export type ScenarioMethod = (typeof SCENARIO_METHODS)[number];

export const SCENARIO_TARGET_KINDS = ['amount', 'percent'] as const;
export type ScenarioTargetKind = (typeof SCENARIO_TARGET_KINDS)[number];

/** A planning year covers three fiscal years: the year itself and the two after it. */
export const FISCAL_YEARS_PER_CYCLE = 3;

export function fiscalYearsOf(cycleYear: number): number[] {
  return Array.from({ length: FISCAL_YEARS_PER_CYCLE }, (_, offset) => cycleYear + offset);
}
