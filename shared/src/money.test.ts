import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT, formatMoneyLv, moneyStringSchema, parseMoney, sumMoney, toMoneyString } from './money';

describe('moneyStringSchema', () => {
  it.each(['0', '0.5', '1234.56', '999999999999.99', '12.10'])('accepts %s', (value) => {
    expect(moneyStringSchema.safeParse(value).success).toBe(true);
  });

  it('accepts MAX_AMOUNT and refuses a cent more', () => {
    expect(moneyStringSchema.parse(MAX_AMOUNT)).toBe(MAX_AMOUNT);
    const over = moneyStringSchema.safeParse(toMoneyString(parseMoney(MAX_AMOUNT).plus('0.01')));
    expect(over.error?.issues[0]?.message).toBe('money.format');
  });

  it('normalises to two decimals', () => {
    expect(moneyStringSchema.parse('12.1')).toBe('12.10');
    expect(moneyStringSchema.parse('7')).toBe('7.00');
  });

  it.each([
    ['three decimals', '1.234'],
    ['an exponent', '1e5'],
    ['a comma', '1234,56'],
    ['a negative amount', '-1.00'],
    ['13 integer digits', '1000000000000.00'],
    ['grouping spaces', '1 234.56'],
    ['a leading plus', '+5'],
    ['an empty string', ''],
    ['leading zeros', '007'],
  ])('refuses %s', (_why, value) => {
    const result = moneyStringSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('money.format');
  });
});

describe('money arithmetic', () => {
  it('adds to the cent where floating point would not', () => {
    expect(toMoneyString(sumMoney(['0.10', '0.20']))).toBe('0.30');
    expect(toMoneyString(sumMoney(['999999999999.99', '0.01']))).toBe('1000000000000.00');
    expect(toMoneyString(parseMoney('1234567890123.01'))).toBe('1234567890123.01');
  });

  it('sums any list of cent amounts exactly (checked against integer cents)', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), { maxLength: 200 }), (cents) => {
        const strings = cents.map((c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`);
        const expected = cents.reduce((a, b) => a + b, 0n);
        const total = toMoneyString(sumMoney(strings));
        expect(total).toBe(`${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`);
      }),
    );
  });

  it('rounds half up to the cent', () => {
    expect(toMoneyString(parseMoney('0.005'))).toBe('0.01');
    expect(toMoneyString(parseMoney('0.004'))).toBe('0.00');
  });
});

describe('formatMoneyLv', () => {
  it('shows the Latvian form with grouping and the euro sign', () => {
    const shown: [amount: string, text: string][] = [
      ['1234.56', '1\u00a0234,56\u00a0€'],
      ['1215000', '1\u00a0215\u00a0000,00\u00a0€'],
      ['0', '0,00\u00a0€'],
      ['999', '999,00\u00a0€'],
    ];
    for (const [amount, text] of shown) expect(formatMoneyLv(amount), amount).toBe(text);
  });
});
