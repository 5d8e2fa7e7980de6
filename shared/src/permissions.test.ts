import { describe, expect, it } from 'vitest';
import { CYCLE_STATUSES, type Role } from './domain';
import { can, type Actor } from './permissions';

const actor = (role: Role, institutionId: number | null = null): Actor => ({ id: 1, role, institutionId });

describe('indicators.read', () => {
  const lead = actor('institution_lead', 7);
  const cityOf = (who: Actor) =>
    CYCLE_STATUSES.filter((cycleStatus) => can(who, { action: 'indicators.read', cycleStatus }));

  it('gives a lead the city’s figures only of an approved or closed cycle', () => {
    expect(cityOf(lead)).toEqual(['approved', 'closed']);
  });

  it('gives a lead its own institution’s figures at every status, and no other institution’s', () => {
    for (const cycleStatus of CYCLE_STATUSES) {
      expect(can(lead, { action: 'indicators.read', cycleStatus, institutionId: 7 })).toBe(true);
      expect(can(lead, { action: 'indicators.read', cycleStatus, institutionId: 8 })).toBe(false);
    }
    const unbound = actor('institution_lead');
    expect(
      CYCLE_STATUSES.some((cycleStatus) => can(unbound, { action: 'indicators.read', cycleStatus, institutionId: 7 })),
    ).toBe(false);
  });

  it('leaves ITC, the council, an administrator and the Finance Department as they were', () => {
    for (const role of ['itc_finance', 'council', 'admin'] as const)
      expect(cityOf(actor(role))).toEqual(CYCLE_STATUSES);
    expect(cityOf(actor('finance_viewer'))).toEqual(['review', 'consolidated', 'approved', 'closed']);
  });
});
