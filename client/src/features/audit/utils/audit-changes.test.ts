import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes';

describe('what an audit event says, field by field', () => {
  it('a status change: the one field that changed', () => {
    expect(auditChanges({ before: { status: 'open' }, after: { status: 'review' } })).toEqual({
      kind: 'changed',
      changes: [{ field: 'status', before: 'open', after: 'review' }],
    });
  });

  it('an edited item: only what changed, one line per year, without the bookkeeping', () => {
    const before = { id: 4, version: 1, title: 'Serveri', amounts: { '2027': '10.00', '2028': '5.00' } };
    const after = { id: 4, version: 2, title: 'Serveri', amounts: { '2027': '12.50', '2028': '5.00' } };
    expect(auditChanges({ before, after })).toEqual({
      kind: 'changed',
      changes: [{ field: 'amounts.2027', before: '10.00', after: '12.50' }],
    });
  });

  it('a record made or removed: what it held', () => {
    expect(auditChanges({ before: null, after: { id: 9, title: 'Licences', amounts: { '2027': '1.00' } } })).toEqual({
      kind: 'recorded',
      fields: [
        { field: 'title', value: 'Licences' },
        { field: 'amounts.2027', value: '1.00' },
      ],
    });
    expect(auditChanges({ before: { title: 'Licences' }, after: null })).toEqual({
      kind: 'removed',
      fields: [{ field: 'title', value: 'Licences' }],
    });
  });

  it('nothing to say: no sides, or two equal ones', () => {
    expect(auditChanges({ before: null, after: null })).toEqual({ kind: 'none' });
    expect(auditChanges({ before: { status: 'open' }, after: { status: 'open' } })).toEqual({ kind: 'none' });
  });
});
