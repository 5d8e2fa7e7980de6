import type { Cycle } from '@ikt/shared/cycle.schema';
import { describe, expect, it } from 'vitest';
import { cycleIdParam, pickCurrentCycle } from './current-cycle';

const cycle = (id: number, year: number, status: Cycle['status']): Cycle => ({
  id,
  year,
  title: `IKT budžets ${year}`,
  status,
  submissionDeadline: null,
  baseCycleId: null,
  fiscalYears: [year, year + 1, year + 2],
  version: 1,
});

describe('pickCurrentCycle', () => {
  it('picks the newest cycle in work, whatever order the list came in', () => {
    expect(pickCurrentCycle([cycle(1, 2026, 'approved'), cycle(2, 2027, 'open')])?.id).toBe(2);
  });

  it('prefers the cycle in work to a newer one still being set up', () => {
    expect(pickCurrentCycle([cycle(3, 2028, 'draft'), cycle(2, 2027, 'review')])?.id).toBe(2);
  });

  it('falls back to a draft, then to the newest closed cycle', () => {
    expect(pickCurrentCycle([cycle(3, 2028, 'draft'), cycle(2, 2027, 'closed')])?.id).toBe(3);
    expect(pickCurrentCycle([cycle(1, 2026, 'closed'), cycle(2, 2027, 'closed')])?.id).toBe(2);
    expect(pickCurrentCycle([])).toBeUndefined();
  });

  it('honours a chosen cycle the user can read, and ignores one they cannot', () => {
    const cycles = [cycle(1, 2026, 'approved'), cycle(2, 2027, 'open')];
    expect(pickCurrentCycle(cycles, 1)?.id).toBe(1);
    expect(pickCurrentCycle(cycles, 99)?.id).toBe(2);
  });
});

describe('cycleIdParam', () => {
  it('reads only a positive whole number', () => {
    expect(cycleIdParam('12')).toBe(12);
    expect(cycleIdParam(null)).toBeUndefined();
    expect(cycleIdParam('0')).toBeUndefined();
    expect(cycleIdParam('1e3')).toBeUndefined();
  });
});
