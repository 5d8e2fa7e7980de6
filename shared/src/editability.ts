import type { CycleStatus, ReviewStatus, SubProgrammeStatus } from './domain';

/**
 * Whether the state of the budget allows a change, whoever asks. Owners edit while
 * the cycle is `open` and their sub-programme is `draft` or `returned`; once the cycle is in
 * `review` (past the deadline) only items ITC returned may still be changed.
 */
export type EditRefusal = 'cycle-not-open' | 'sub-programme-locked' | 'item-not-returned' | 'item-cut';

export function subProgrammeEditRefusal(cycle: CycleStatus, subProgramme: SubProgrammeStatus): EditRefusal | null {
  if (cycle === 'open') return subProgramme === 'draft' || subProgramme === 'returned' ? null : 'sub-programme-locked';
  if (cycle === 'review') return subProgramme === 'returned' ? null : 'sub-programme-locked';
  return 'cycle-not-open';
}

/** Adding an item: only while the cycle is open. */
export function itemCreateRefusal(cycle: CycleStatus, subProgramme: SubProgrammeStatus): EditRefusal | null {
  if (cycle !== 'open') return 'cycle-not-open';
  return subProgrammeEditRefusal(cycle, subProgramme);
}

export function itemEditRefusal(
  cycle: CycleStatus,
  subProgramme: SubProgrammeStatus,
  item: ReviewStatus,
): EditRefusal | null {
  const refusal = subProgrammeEditRefusal(cycle, subProgramme);
  if (refusal) return refusal;
  if (item === 'cut') return 'item-cut';
  if (cycle === 'review' && item !== 'returned') return 'item-not-returned';
  return null;
}

/** Submitting: the same window as editing. */
export const submitRefusal = subProgrammeEditRefusal;
