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

/**
 * ITC's review: it decides while the cycle is `open` or in `review` — on each item of a submitted
 * sub-programme, and on the sub-programme as a whole. It starts with `open` because a
 * sub-programme may be submitted before the deadline; once the cycle is `consolidated` the figures
 * are frozen and nothing more is decided.
 */
export function isReviewWindow(cycle: CycleStatus): boolean {
  return cycle === 'open' || cycle === 'review';
}

/**
 * ITC's proposal on an item (a stage beside the request): once the deadline has passed and until
 * the council approves — while the cycle is in `review` or `consolidated`.
 */
export function isProposalWindow(cycle: CycleStatus): boolean {
  return cycle === 'review' || cycle === 'consolidated';
}

/** A sub-programme handed in to ITC: submitted, or accepted (ITC may still give it back). */
export function isHandedIn(subProgramme: SubProgrammeStatus): boolean {
  return subProgramme === 'submitted' || subProgramme === 'accepted';
}

/** Deciding on items, and accepting the whole: only a submitted sub-programme, in the review window. */
export function canDecideOnSubmission(cycle: CycleStatus, subProgramme: SubProgrammeStatus): boolean {
  return isReviewWindow(cycle) && subProgramme === 'submitted';
}

/** Returning the whole to its owner: a submitted or accepted sub-programme, in the review window. */
export function canReturnSubProgramme(cycle: CycleStatus, subProgramme: SubProgrammeStatus): boolean {
  return isReviewWindow(cycle) && isHandedIn(subProgramme);
}

/** An item ITC decides on: one that was handed in (a draft is not; a cut one is out of the review). */
export function isDecidableItem(item: ReviewStatus): boolean {
  return item === 'submitted' || item === 'accepted' || item === 'returned';
}

export type WithdrawRefusal = 'not-submitted' | 'cycle-not-open';

/**
 * Its owner takes a submission back: only a submitted one, and only while the cycle is open —
 * past the deadline a draft could not be submitted again. (The server also refuses once ITC has
 * started on it, which only it knows.)
 */
export function withdrawRefusal(cycle: CycleStatus, subProgramme: SubProgrammeStatus): WithdrawRefusal | null {
  if (subProgramme !== 'submitted') return 'not-submitted';
  if (cycle !== 'open') return 'cycle-not-open';
  return null;
}
