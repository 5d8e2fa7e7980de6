import { describe, expect, it } from 'vitest';
import { consolidationOf, ekkComposition, ekkHierarchy } from './consolidation-rollup';
import type { ConsolidatedSum, ConsolidationFigures } from './consolidation.repository';

const CYCLE = 7;
const BASE = 3;
const YEARS = [2027, 2028];

const sum = (cycle: number, key: string | null, year: number, total: string, cut = false): ConsolidatedSum => ({
  cycle_id: cycle,
  cut,
  key,
  fiscal_year: year,
  total,
});

const EKK_TREE = [
  { code: '2000', parent_code: null },
  { code: '2200', parent_code: '2000' },
  { code: '2250', parent_code: '2200' },
  { code: '2251', parent_code: '2250' },
  { code: '2252', parent_code: '2250' },
  { code: '5000', parent_code: null },
];

describe('ekkHierarchy', () => {
  it('orders the codes depth first with their level and parent', () => {
    const order = ekkHierarchy([...EKK_TREE].reverse());
    expect([...order.keys()]).toEqual(['2000', '2200', '2250', '2251', '2252', '5000']);
    expect(order.get('2251')).toEqual({ position: 3, level: 4, parent: '2250' });
    expect(order.get('5000')).toEqual({ position: 5, level: 1, parent: '' });
  });
});

describe('consolidationOf', () => {
  it('arranges the sums into rows, total and cut, with the change against the base cycle', () => {
    const figures: ConsolidationFigures = {
      sums: [
        sum(CYCLE, 'M10', 2027, '50'),
        sum(CYCLE, 'M2', 2027, '100.5'),
        sum(CYCLE, 'M2', 2028, '20'),
        sum(CYCLE, '', 2027, '1'),
        sum(CYCLE, null, 2027, '151.5'),
        sum(CYCLE, null, 2028, '20'),
        sum(CYCLE, null, 2027, '9.99', true),
        sum(BASE, 'M2', 2026, '200'),
        sum(BASE, 'M7', 2026, '10'),
        sum(BASE, null, 2026, '210'),
      ],
      counts: [
        { cut: false, key: 'M2', items: 2 },
        { cut: false, key: 'M10', items: 1 },
        { cut: false, key: '', items: 1 },
        { cut: false, key: null, items: 4 },
        { cut: true, key: null, items: 1 },
      ],
      labels: new Map([['M2', { key: 'M2', lv: 'Mērķis 2', en: 'Goal 2' }]]),
      ekkTree: null,
    };
    const answer = consolidationOf(figures, {
      cycleId: CYCLE,
      by: 'goal',
      fiscalYears: YEARS,
      hasBase: true,
      language: 'en',
    });
    // By number, not by text (M2 before M10); last year's M7 has a row of its own; '' goes last.
    expect(answer.rows.map((r) => r.key)).toEqual(['M2', 'M7', 'M10', '']);
    expect(answer.rows[0]).toEqual({
      key: 'M2',
      label: 'Goal 2',
      amounts: { '2027': '100.50', '2028': '20.00' },
      previousYear: '200.00',
      change: '-99.50',
      changePercent: '-49.8',
      itemCount: 2,
    });
    expect(answer.rows[1]).toMatchObject({ key: 'M7', amounts: { '2027': '0.00' }, change: '-10.00', itemCount: 0 });
    expect(answer.rows[3]).toMatchObject({ label: '(not specified)', previousYear: '0.00', changePercent: null });
    expect(answer.attribution).toBe('full-to-each');
    expect(answer.total).toEqual({
      amounts: { '2027': '151.50', '2028': '20.00' },
      previousYear: '210.00',
      itemCount: 4,
    });
    expect(answer.cut).toEqual({ amounts: { '2027': '9.99', '2028': '0.00' }, itemCount: 1 });
  });

  it('has no last year without a base cycle, nor by review status', () => {
    const figures: ConsolidationFigures = {
      sums: [sum(CYCLE, 'draft', 2027, '5'), sum(CYCLE, null, 2027, '5')],
      counts: [{ cut: false, key: 'draft', items: 1 }],
      labels: new Map(),
      ekkTree: null,
    };
    const shape = { cycleId: CYCLE, fiscalYears: YEARS, language: 'lv' as const };
    const byStatus = consolidationOf(figures, { ...shape, by: 'review_status', hasBase: true });
    expect(byStatus.rows[0]).toMatchObject({ label: 'Melnraksts', previousYear: null, change: null });
    expect(byStatus.total.previousYear).toBe('0.00');
    const noBase = consolidationOf(figures, { ...shape, by: 'priority', hasBase: false });
    expect(noBase.total.previousYear).toBeNull();
  });

  it('puts EKK rows in the hierarchy with their level and parent', () => {
    const figures: ConsolidationFigures = {
      sums: [sum(CYCLE, '2251', 2027, '1'), sum(CYCLE, '2250', 2027, '1'), sum(CYCLE, '5000', 2027, '2')],
      counts: [],
      labels: new Map(),
      ekkTree: EKK_TREE,
    };
    const answer = consolidationOf(figures, {
      cycleId: CYCLE,
      by: 'ekk',
      fiscalYears: YEARS,
      hasBase: false,
      language: 'lv',
    });
    expect(answer.rows.map((r) => [r.key, r.level, r.parentKey])).toEqual([
      ['2250', 3, '2200'],
      ['2251', 4, '2250'],
      ['5000', 1, ''],
    ]);
  });
});

describe('ekkComposition', () => {
  it('tells a group whose own code holds items from one that only adds up its sub-codes', () => {
    const row = (key: string, parentKey: string, amounts: Record<string, string>) => ({
      key,
      label: key,
      amounts,
      previousYear: null,
      change: null,
      changePercent: null,
      level: 1,
      parentKey,
      itemCount: 0,
    });
    const composition = ekkComposition(
      [
        row('2250', '', { '2027': '30.00', '2028': '5.00' }),
        row('2251', '2250', { '2027': '10.00', '2028': '2.00' }),
        row('2252', '2250', { '2027': '20.00', '2028': '0.00' }),
      ],
      ['2027', '2028'],
    );
    expect(composition.get('2250')).toEqual({ hasSubCodes: true, ownItems: { '2027': false, '2028': true } });
    expect(composition.get('2251')).toEqual({ hasSubCodes: false, ownItems: { '2027': true, '2028': true } });
  });
});
