import { describe, expect, it } from 'vitest';
import { formatMoney, moneyEditText, parseMoneyInput } from './money-input';

const value = (text: string) => {
  const result = parseMoneyInput(text);
  return result.ok ? result.value : `problem:${result.problem}`;
};

describe('parseMoneyInput', () => {
  it.each([
    ['1234.56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1234,5', '1234.50'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234,56', '1234.56'],
    ['1\u202f234,56', '1234.56'],
    ['1 234.56', '1234.56'],
    ['12 345 678,9', '12345678.90'],
    ['1,234.56', '1234.56'],
    ['1.234,56', '1234.56'],
    ['1,234,567', '1234567.00'],
    ['1.234.567', '1234567.00'],
    ['1,234,567.8', '1234567.80'],
    ['0', '0.00'],
    ['0,5', '0.50'],
    ['.5', '0.50'],
    ['1234.', '1234.00'],
    ['007', '7.00'],
    ['  42  ', '42.00'],
  ])('reads %j as %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('ignores the euro sign and EUR on either side', () => {
    expect(value('1 234,56 €')).toBe('1234.56');
    expect(value('€1,234.56')).toBe('1234.56');
    expect(value('1234.56 EUR')).toBe('1234.56');
    expect(value('eur 10')).toBe('10.00');
  });

  it('reads the round-trip of its own display form', () => {
    expect(value(formatMoney('1234567.89'))).toBe('1234567.89');
    expect(value(moneyEditText('1234567.89'))).toBe('1234567.89');
  });

  it('reads the dash Excel shows for a zero in accounting format', () => {
    expect(value('-')).toBe('0.00');
    expect(value(' – € ')).toBe('0.00');
  });

  it('refuses a form that could mean two amounts a thousand times apart', () => {
    expect(value('1,234')).toBe('problem:ambiguous');
    expect(value('1.234')).toBe('problem:ambiguous');
    expect(value('999.000')).toBe('problem:ambiguous');
  });

  it('takes a mark as the decimal mark where grouping is ruled out', () => {
    // Spaces already group the thousands; a leading zero cannot start a group.
    expect(value('1 234,567')).toBe('problem:tooManyDecimals');
    expect(value('0,125')).toBe('problem:tooManyDecimals');
    expect(value('1234,567')).toBe('problem:tooManyDecimals');
    expect(value('12.3400')).toBe('12.34');
  });

  it('refuses negative amounts, as the API does', () => {
    expect(value('-5')).toBe('problem:negative');
    expect(value('−1 234,00')).toBe('problem:negative');
    expect(value('(1 234,00)')).toBe('problem:negative');
  });

  it.each(['abc', '12a', '1,2,3', '12 34', '1 2345', '1.234,56,7', '1,23.456', ',', '1..2', '1 234.567,00'])(
    'refuses %j as not an amount',
    (text) => {
      expect(value(text)).toBe('problem:invalid');
    },
  );

  it('tells an empty field apart from a wrong one', () => {
    expect(value('')).toBe('problem:empty');
    expect(value('  €  ')).toBe('problem:empty');
  });

  it('refuses more than twelve integer digits (NUMERIC(14,2))', () => {
    expect(value('999999999999.99')).toBe('999999999999.99');
    expect(value('1000000000000')).toBe('problem:tooLarge');
  });

  it('keeps every cent of a large amount (no float on the way)', () => {
    expect(value('987 654 321 098,76')).toBe('987654321098.76');
  });
});

describe('formatMoney', () => {
  it('shows the Latvian form with grouping always on, a no-break space and the euro sign', () => {
    expect(formatMoney('1234.56')).toBe('1\u00a0234,56\u00a0€');
    expect(formatMoney('0.5')).toBe('0,50\u00a0€');
    expect(formatMoney('1000')).toBe('1\u00a0000,00\u00a0€');
    expect(formatMoney('999')).toBe('999,00\u00a0€');
  });

  it('marks a negative change with a minus sign', () => {
    expect(formatMoney('-2500.5')).toBe('−2\u00a0500,50\u00a0€');
  });
});

describe('moneyEditText', () => {
  it('starts an editor from the plain figure with a decimal comma', () => {
    expect(moneyEditText('1234.5')).toBe('1234,50');
    expect(moneyEditText('0.00')).toBe('0,00');
  });
});
