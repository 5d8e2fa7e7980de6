import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES, REVIEW_STATUSES, SUB_PROGRAMME_STATUSES } from './domain';
import {
  canDecideOnSubmission,
  canReturnSubProgramme,
  isDecidableItem,
  isHandedIn,
  isReviewWindow,
  withdrawRefusal,
} from './editability';

/** Every pair of a cycle status and a sub-programme status for which `rule` holds. */
function allowed(
  rule: (cycle: (typeof CYCLE_STATUSES)[number], sp: (typeof SUB_PROGRAMME_STATUSES)[number]) => boolean,
) {
  return CYCLE_STATUSES.flatMap((cycle) =>
    SUB_PROGRAMME_STATUSES.filter((sp) => rule(cycle, sp)).map((sp) => `${cycle}/${sp}`),
  );
}

describe('the review rules', () => {
  it('lets ITC review while the cycle is open or past the deadline, not before or after', () => {
    expect(CYCLE_STATUSES.filter(isReviewWindow)).toEqual(['open', 'review']);
  });

  it('counts a sub-programme handed in while it is submitted or accepted', () => {
    expect(SUB_PROGRAMME_STATUSES.filter(isHandedIn)).toEqual(['submitted', 'accepted']);
  });

  it('decides on items and accepts the whole only of a submitted sub-programme, in the review window', () => {
    expect(allowed(canDecideOnSubmission)).toEqual(['open/submitted', 'review/submitted']);
  });

  it('returns a submitted or an accepted sub-programme, in the review window', () => {
    expect(allowed(canReturnSubProgramme)).toEqual([
      'open/submitted',
      'open/accepted',
      'review/submitted',
      'review/accepted',
    ]);
  });

  it('decides on items that were handed in, never on a draft or a cut one', () => {
    expect(REVIEW_STATUSES.filter(isDecidableItem)).toEqual(['submitted', 'accepted', 'returned']);
  });

  it('lets the owner withdraw a submission only while the cycle is open, naming what stands in the way', () => {
    expect(allowed((cycle, sp) => withdrawRefusal(cycle, sp) === null)).toEqual(['open/submitted']);
    expect(withdrawRefusal('open', 'accepted')).toBe('not-submitted');
    expect(withdrawRefusal('review', 'submitted')).toBe('cycle-not-open');
    // Not submitted is the first thing to say, whatever the cycle.
    expect(withdrawRefusal('closed', 'draft')).toBe('not-submitted');
  });
});
