import type { LineItem } from '@ikt/shared/line-item.schema';
import { describe, expect, it } from 'vitest';
import { problemCount, totalsByYear } from '../../../utils/line-item-figures';
import { NO_FILTER, gridColumns, isFiltered, nextSort, visibleItems } from './grid-model';

let nextId = 1;
function item(overrides: Partial<LineItem>): LineItem {
  const id = nextId++;
  return {
    id,
    subProgrammeId: 1,
    title: `Pozīcija ${id}`,
    description: '',
    ekkCode: '2251',
    costNature: 'maintenance',
    ictServiceCode: null,
    informationSystemCode: null,
    goalCodes: [],
    actionDirectionCode: null,
    priority: 'medium',
    rank: id,
    quantity: null,
    unit: null,
    unitPrice: null,
    businessNeed: 'Vajadzība',
    legalBasis: '',
    impactIfCut: 'Ietekme',
    calculationBasis: '',
    beneficiaries: [],
    reviewStatus: 'draft',
    carriedFromId: null,
    version: 1,
    amounts: { '2027': '100.00', '2028': '0.00', '2029': '0.00' },
    stages: {
      request: { '2027': '100.00', '2028': '0.00', '2029': '0.00' },
      proposal: null,
      adopted: null,
      current: null,
      proposalReason: null,
    },
    previousYear: null,
    createdAt: '2026-11-26T10:00:00Z',
    updatedAt: '2026-11-26T10:00:00Z',
    ...overrides,
  };
}

const years = [2027, 2028, 2029];

describe('gridColumns', () => {
  it("shows last year's figure, then one amount column per fiscal year of the cycle", () => {
    expect(gridColumns(years).map((column) => column.id)).toEqual([
      'open',
      'rank',
      'title',
      'ekkCode',
      'costNature',
      'priority',
      'previousYear',
      'amount:2027',
      'amount:2028',
      'amount:2029',
      'reviewStatus',
      'check',
    ]);
  });
});

describe('totalsByYear', () => {
  it('adds every cent exactly and leaves cut items out, as the server does', () => {
    const items = [
      item({ amounts: { '2027': '0.10', '2028': '999999999999.99', '2029': '0.00' } }),
      item({ amounts: { '2027': '0.20', '2028': '0.01', '2029': '0.00' } }),
      item({ amounts: { '2027': '500.00', '2028': '500.00', '2029': '500.00' }, reviewStatus: 'cut' }),
    ];
    expect(totalsByYear(items, years)).toEqual({ '2027': '0.30', '2028': '1000000000000.00', '2029': '0.00' });
  });

  it('treats a missing year as zero', () => {
    expect(totalsByYear([item({ amounts: {} })], years)).toEqual({ '2027': '0.00', '2028': '0.00', '2029': '0.00' });
  });
});

describe('visibleItems', () => {
  const a = item({ title: 'Ēdināšanas sistēma', rank: 2, priority: 'low', amounts: { '2027': '900.00' } });
  const b = item({
    title: 'Datu centrs',
    rank: 1,
    priority: 'mandatory',
    legalBasis: 'Likums',
    amounts: { '2027': '1000.00' },
  });
  const c = item({ title: 'Zvanu centrs', rank: 3, costNature: 'development', businessNeed: '' });

  it('keeps the institution’s own order (rank) without a sort', () => {
    expect(visibleItems([a, b, c], NO_FILTER, undefined, false).map((i) => i.rank)).toEqual([1, 2, 3]);
  });

  it('sorts amounts as money, not as text', () => {
    const sorted = visibleItems([a, b, c], NO_FILTER, { column: 'amount:2027', direction: 'descending' }, false);
    expect(sorted.map((i) => i.amounts['2027'])).toEqual(['1000.00', '900.00', '100.00']);
  });

  it("sorts last year's figure as money, items without one first", () => {
    const none = item({ previousYear: null });
    const small = item({ previousYear: '999.99' });
    const large = item({ previousYear: '10000.00' });
    const sorted = visibleItems(
      [large, none, small],
      NO_FILTER,
      { column: 'previousYear', direction: 'ascending' },
      false,
    );
    expect(sorted.map((i) => i.previousYear)).toEqual([null, '999.99', '10000.00']);
  });

  it('sorts titles in Latvian alphabetical order', () => {
    const sorted = visibleItems([c, a, b], NO_FILTER, { column: 'title', direction: 'ascending' }, false);
    expect(sorted.map((i) => i.title)).toEqual(['Datu centrs', 'Ēdināšanas sistēma', 'Zvanu centrs']);
  });

  it('sorts priorities from mandatory to low', () => {
    const sorted = visibleItems([a, c, b], NO_FILTER, { column: 'priority', direction: 'ascending' }, false);
    expect(sorted.map((i) => i.priority)).toEqual(['mandatory', 'medium', 'low']);
  });

  it('filters by text, vocabulary and by what still needs fixing', () => {
    expect(visibleItems([a, b, c], { ...NO_FILTER, text: 'centr' }, undefined, false)).toEqual([b, c]);
    expect(visibleItems([a, b, c], { ...NO_FILTER, costNature: 'development' }, undefined, false)).toEqual([c]);
    expect(visibleItems([a, b, c], { ...NO_FILTER, onlyProblems: true }, undefined, false)).toEqual([c]);
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, text: ' ' })).toBe(false);
    expect(isFiltered({ ...NO_FILTER, priority: 'low' })).toBe(true);
  });
});

describe('problemCount', () => {
  it('counts the submit rules an item breaks, and none for a cut item', () => {
    expect(problemCount(item({ businessNeed: '', costNature: 'development' }), false)).toBe(2);
    expect(problemCount(item({ businessNeed: '', reviewStatus: 'cut' }), false)).toBe(0);
  });

  it('asks a central item for its service or beneficiaries adding up to 100 %', () => {
    expect(problemCount(item({}), true)).toBe(1);
    expect(problemCount(item({ ictServiceCode: 'WS' }), true)).toBe(0);
    expect(problemCount(item({ beneficiaries: [{ institutionCode: 'LD', share: '100.0000' }] }), true)).toBe(0);
    expect(problemCount(item({ beneficiaries: [{ institutionCode: 'LD', share: '99.9999' }] }), true)).toBe(1);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, then back to rank order', () => {
    const first = nextSort(undefined, 'title');
    expect(first).toEqual({ column: 'title', direction: 'ascending' });
    const second = nextSort(first, 'title');
    expect(second).toEqual({ column: 'title', direction: 'descending' });
    expect(nextSort(second, 'title')).toBeUndefined();
    expect(nextSort(second, 'priority')).toEqual({ column: 'priority', direction: 'ascending' });
  });
});
