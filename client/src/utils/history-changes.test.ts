import { describe, expect, it } from 'vitest';
import { fieldChanges } from './history-changes';

describe('fieldChanges', () => {
  it('names each changed field and each changed year, and nothing that did not change', () => {
    const before = {
      id: 7,
      version: 1,
      title: 'Serveri',
      priority: 'high',
      goalCodes: ['M1'],
      amounts: { '2027': '100.00', '2028': '50.00' },
      updatedAt: 'a',
    };
    const after = {
      ...before,
      version: 2,
      priority: 'low',
      goalCodes: ['M1', 'M2'],
      amounts: { '2027': '120.00', '2028': '50.00' },
      updatedAt: 'b',
    };
    expect(fieldChanges(before, after)).toEqual([
      { field: 'priority', before: 'high', after: 'low' },
      { field: 'goalCodes', before: ['M1'], after: ['M1', 'M2'] },
      { field: 'amounts.2027', before: '100.00', after: '120.00' },
    ]);
  });

  it('shows a creation as every field set, and survives events without an object', () => {
    expect(fieldChanges(null, { title: 'Jauna', amounts: { '2027': '5.00' } })).toEqual([
      { field: 'title', before: undefined, after: 'Jauna' },
      { field: 'amounts.2027', before: undefined, after: '5.00' },
    ]);
    expect(fieldChanges(undefined, 'text')).toEqual([]);
  });
});
