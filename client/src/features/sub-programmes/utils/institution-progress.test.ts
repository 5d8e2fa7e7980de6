import type { Consolidation } from '@ikt/shared/consolidation.schema';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { describe, expect, it } from 'vitest';
import { institutionProgress } from './institution-progress';

const sub = (id: number, institutionCode: string, status: SubProgramme['status']): SubProgramme => ({
  id,
  cycleId: 2,
  code: `IKT.${institutionCode}.${id}`,
  name: 'x',
  kind: 'institution',
  institutionId: 1,
  institutionCode,
  status,
  version: 1,
  totals: {},
});

const consolidation: Consolidation = {
  cycleId: 2,
  by: 'institution',
  fiscalYears: [2027, 2028, 2029],
  attribution: 'partition',
  rows: [
    {
      key: 'IKSD',
      label: 'Izglītības departaments',
      amounts: { '2027': '952000.00', '2028': '1.00', '2029': '2.00' },
      previousYear: '775000.00',
      change: '177000.00',
      changePercent: '22.8',
      itemCount: 4,
    },
    {
      key: 'APC',
      label: 'Apmeklētāju centrs',
      amounts: { '2027': '110000.00', '2028': '0.00', '2029': '0.00' },
      previousYear: null,
      change: null,
      changePercent: null,
      itemCount: 2,
    },
  ],
  total: { amounts: {}, previousYear: null, itemCount: 6 },
  cut: { amounts: {}, itemCount: 0 },
};

describe('institutionProgress', () => {
  it('counts each institution’s sub-programmes by status and takes its figures from the consolidation', () => {
    const rows = institutionProgress(
      [sub(1, 'IKSD', 'submitted'), sub(2, 'IKSD', 'draft'), sub(3, 'APC', 'accepted'), sub(4, 'IKSD', 'returned')],
      consolidation,
    );
    expect(rows.map((row) => row.institutionCode)).toEqual(['APC', 'IKSD']);
    expect(rows[1]).toMatchObject({
      name: 'Izglītības departaments',
      counts: { draft: 1, submitted: 1, returned: 1, accepted: 0 },
      subProgrammeCount: 3,
      doneCount: 1,
      firstYear: '952000.00',
      previousYear: '775000.00',
      changePercent: '22.8',
    });
    expect(rows[0]).toMatchObject({ doneCount: 1, previousYear: null });
  });

  it('shows institutions before the figures arrive', () => {
    const rows = institutionProgress([sub(1, 'FD', 'draft')], undefined);
    expect(rows).toMatchObject([{ institutionCode: 'FD', name: 'FD', firstYear: '0.00', subProgrammeCount: 1 }]);
  });
});
