import { describe, expect, it } from 'vitest';
import { Decimal } from '@ikt/shared/money';
import { largestPercentOf } from './scenario-errors';

describe('largestPercentOf', () => {
  it('rounds down to two decimals, so the percentage it names can be asked for', () => {
    // 100 of 300 is 33.333…%: 33.33% of 300.00 is 99.99, within reach; 33.34% would not be.
    expect(largestPercentOf('100.00', new Decimal('300.00'))).toBe('33.33');
    expect(largestPercentOf('199.99', new Decimal('300.00'))).toBe('66.66');
  });

  it('writes a percentage target’s form: no trailing zeros', () => {
    expect(largestPercentOf('150.00', new Decimal('300.00'))).toBe('50');
    expect(largestPercentOf('345.00', new Decimal('1000.00'))).toBe('34.5');
    expect(largestPercentOf('300.00', new Decimal('300.00'))).toBe('100');
  });

  it('is 0 when nothing can be cut, or the year has nothing', () => {
    expect(largestPercentOf('0.00', new Decimal('300.00'))).toBe('0');
    expect(largestPercentOf('0.00', new Decimal('0'))).toBe('0');
    expect(largestPercentOf('0.01', new Decimal('1000000.00'))).toBe('0');
  });
});
