import { describe, expect, it } from 'vitest';
import { readBatch } from './line-item-batch';

const item = (extra: Record<string, unknown> = {}) => ({
  title: 'Serveri',
  ekkCode: '5238',
  costNature: 'development',
  priority: 'high',
  amounts: { '2027': '100.00' },
  ...extra,
});

describe('readBatch', () => {
  it('reads a valid batch into the inputs, in order', () => {
    const reading = readBatch({ items: [item(), item({ title: '  Otrā ' })] });
    expect(reading.envelope).toEqual([]);
    expect(reading.items.map((i) => i.input?.title)).toEqual(['Serveri', 'Otrā']);
    expect(reading.items.every((i) => i.problems.length === 0)).toBe(true);
  });

  it('names every problem of every item by index and field, in both languages', () => {
    const reading = readBatch({
      items: [item(), item({ title: '', amounts: { '2027': '1.234' } }), item({ priority: 'x', status: 'accepted' })],
    });
    expect(reading.envelope).toEqual([]);
    expect(reading.items[0]!.input).toBeDefined();
    expect(reading.items[1]!.input).toBeUndefined();
    expect(reading.items.flatMap((i) => i.problems.map((p) => p.path))).toEqual([
      'items.1.title',
      'items.1.amounts.2027',
      'items.2.priority',
      'items.2.status',
    ]);
    expect(reading.items[2]!.problems[1]!.message).toEqual({
      lv: 'Nezināmi lauki: status',
      en: 'Unknown fields: status',
    });
  });

  it('keeps the fields an invalid item got right, so their references can still be checked', () => {
    const reading = readBatch({ items: [item({ title: '', ekkCode: '9999', goalCodes: ['M1'], extra: 1 })] });
    expect(reading.items[0]!.checkable).toEqual({
      ekkCode: '9999',
      costNature: 'development',
      priority: 'high',
      goalCodes: ['M1'],
      amounts: { '2027': '100.00' },
    });
  });

  it('reads nothing further of a body that is no list of 1 to 1000 items', () => {
    for (const body of [null, [], {}, { items: [] }, { items: 'x' }, { items: [item()], more: true }]) {
      const reading = readBatch(body);
      expect(reading.envelope.length, JSON.stringify(body)).toBeGreaterThan(0);
      expect(reading.items).toEqual([]);
    }
    const tooMany = readBatch({ items: Array.from({ length: 1001 }, () => ({})) });
    expect(tooMany.envelope.map((p) => p.path)).toEqual(['items']);
  });
});
