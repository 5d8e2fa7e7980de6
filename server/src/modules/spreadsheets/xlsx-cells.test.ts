import { describe, expect, it } from 'vitest';
import { Decimal } from '@ikt/shared/money';
import { columnLetter, columnNumber, formulaString, moneyNumber, ratioNumber, sheetRef, textValue } from './xlsx-cells';

describe('cells', () => {
  it('keeps the cents of the largest amounts a cell may hold', () => {
    for (const amount of ['999999999999.99', '123456789012.34', '0.01', '1234567.89']) {
      expect(new Decimal(moneyNumber(amount)).toFixed(2)).toBe(amount);
    }
  });

  it('names columns and sheets as formulas need them', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(['A', 'z', 'AA', 'az', 'AAA', 'XFD'].map(columnNumber)).toEqual([1, 26, 27, 52, 703, 16_384]);
    expect(sheetRef('Pēc EKK')).toBe("'Pēc EKK'!");
    expect(sheetRef("O'Brien")).toBe("'O''Brien'!");
    expect(formulaString('<>Izslēgta "x"')).toBe('"<>Izslēgta ""x"""');
  });

  it('writes text as text and empty text as no cell; a ratio without a base is none', () => {
    expect(textValue('=1+1')).toBe('=1+1');
    expect(textValue('')).toBeNull();
    expect(ratioNumber('5', '0')).toBeNull();
    expect(ratioNumber('1', '4')).toBe(0.25);
  });
});
