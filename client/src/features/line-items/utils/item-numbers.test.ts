import { describe, expect, it } from 'vitest';
import { quantityEditText } from '../../../utils/quantity-input';
import { itemNumberEdits, itemNumberTexts } from './item-numbers';

describe('itemNumberEdits', () => {
  const item = { quantity: '12.500', unit: 'gab.', unitPrice: '80.00' };

  it('starts from the item as editable text', () => {
    expect(itemNumberTexts(item)).toEqual({ quantity: '12,5', unit: 'gab.', unitPrice: '80,00' });
    expect(quantityEditText(null)).toBe('');
  });

  it('changes nothing when the text says the same as the item', () => {
    expect(itemNumberEdits(item, { quantity: '12.50', unit: ' gab. ', unitPrice: '80' })).toEqual({
      changes: {},
      problems: {},
    });
  });

  it('sends the values that differ, emptied fields as null', () => {
    expect(itemNumberEdits(item, { quantity: '13', unit: '', unitPrice: '1 234,56' })).toEqual({
      changes: { quantity: '13', unit: null, unitPrice: '1234.56' },
      problems: {},
    });
    expect(itemNumberEdits(item, { quantity: '', unit: 'gab.', unitPrice: '' }).changes).toEqual({
      quantity: null,
      unitPrice: null,
    });
  });

  it('reports text it cannot read instead of sending it', () => {
    expect(itemNumberEdits(item, { quantity: '1,2345', unit: 'gab.', unitPrice: '1,234' })).toEqual({
      changes: {},
      problems: { quantity: 'tooManyDecimals', unitPrice: 'ambiguous' },
    });
  });
});
