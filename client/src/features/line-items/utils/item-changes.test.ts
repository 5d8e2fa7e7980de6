import type { LineItem } from '@ikt/shared/line-item.schema';
import { describe, expect, it } from 'vitest';
import { applyChanges, changedFieldName, changedFields, inverseChanges, revertChanges } from './item-changes';

const item = {
  id: 1,
  title: 'Serveri',
  priority: 'high',
  goalCodes: ['M1'],
  ictServiceCode: null,
  amounts: { '2027': '100.00', '2028': '200.00', '2029': '0.00' },
} as unknown as LineItem;

describe('applyChanges', () => {
  it('changes the named fields and only the named years', () => {
    const next = applyChanges(item, { priority: 'low', amounts: { '2028': '250.00' } });
    expect(next.priority).toBe('low');
    expect(next.amounts).toEqual({ '2027': '100.00', '2028': '250.00', '2029': '0.00' });
    expect(item.amounts['2028']).toBe('200.00');
  });
});

describe('revertChanges', () => {
  it('takes back the refused fields but keeps what was saved meanwhile', () => {
    const refused = { title: 'Jauns', amounts: { '2027': '1.00' } };
    const current = { ...applyChanges(item, refused), priority: 'low' as const };
    const reverted = revertChanges(current, item, refused);
    expect(reverted.title).toBe('Serveri');
    expect(reverted.amounts['2027']).toBe('100.00');
    expect(reverted.priority).toBe('low');
  });
});

describe('changedFields', () => {
  it('sends only what differs, years included', () => {
    expect(
      changedFields(item, {
        title: 'Serveri',
        priority: 'low',
        goalCodes: ['M1'],
        ictServiceCode: 'DC',
        amounts: { '2027': '100.00', '2028': '210.00' },
      }),
    ).toEqual({ priority: 'low', ictServiceCode: 'DC', amounts: { '2028': '210.00' } });
    expect(changedFields(item, { goalCodes: ['M1'] })).toEqual({});
  });
});

describe('inverseChanges', () => {
  it('gives each touched field and year its value from before', () => {
    expect(inverseChanges(item, { amounts: { '2027': '0.00' } })).toEqual({ amounts: { '2027': '100.00' } });
    expect(inverseChanges(item, { title: 'Jauns', priority: 'low' })).toEqual({ title: 'Serveri', priority: 'high' });
    expect(inverseChanges(item, { ictServiceCode: 'P1' })).toEqual({ ictServiceCode: null });
  });

  it('undoes a year the item had no amount for to zero', () => {
    expect(inverseChanges(item, { amounts: { '2030': '5.00' } })).toEqual({ amounts: { '2030': '0.00' } });
  });

  it('undone, a change leaves the item as it was', () => {
    const changes = { amounts: { '2028': '7.00' }, title: 'Jauns' };
    expect(applyChanges(applyChanges(item, changes), inverseChanges(item, changes))).toEqual(item);
  });
});

describe('changedFieldName', () => {
  it('names a grid edit’s field as the history does', () => {
    expect(changedFieldName({ amounts: { '2027': '1.00' } })).toBe('amounts.2027');
    expect(changedFieldName({ ekkCode: '2251' })).toBe('ekkCode');
  });
});
