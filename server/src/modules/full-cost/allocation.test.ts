import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '@ikt/shared/money';
import { allocate, compareCodePoints } from './allocation';

const euro = (cents: number) => new Decimal(cents).div(100);

describe('allocate', () => {
  it('splits an amount in proportion, the missing cents to the largest remainders', () => {
    const shares = allocate(new Decimal('100.00'), [
      { key: 'A', weight: new Decimal(1) },
      { key: 'B', weight: new Decimal(1) },
      { key: 'C', weight: new Decimal(1) },
    ])!;
    // 33.333… each: the one cent left over goes to the tie's first code.
    expect([...shares].map(([key, value]) => [key, value.toFixed(2)])).toEqual([
      ['A', '33.34'],
      ['B', '33.33'],
      ['C', '33.33'],
    ]);
  });

  it('breaks ties by code point, not by locale', () => {
    expect(compareCodePoints('ĪD', 'IKSD')).toBeGreaterThan(0);
    const shares = allocate(new Decimal('0.01'), [
      { key: 'ĪD', weight: new Decimal(1) },
      { key: 'LD', weight: new Decimal(1) },
    ])!;
    expect(shares.get('LD')!.toFixed(2)).toBe('0.01');
    expect(shares.get('ĪD')!.toFixed(2)).toBe('0.00');
  });

  it('answers null when nobody weighs anything', () => {
    expect(allocate(new Decimal('5.00'), [{ key: 'A', weight: new Decimal(0) }])).toBeNull();
    expect(allocate(new Decimal('5.00'), [])).toBeNull();
  });

  it('adds up exactly and keeps every share within a cent of its exact proportion', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999_999 }),
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }),
        (amountCents, milliWeights) => {
          const claims = milliWeights.map((w, i) => ({ key: `K${i}`, weight: new Decimal(w).div(1000) }));
          const totalWeight = claims.reduce((sum, c) => sum.plus(c.weight), new Decimal(0));
          const shares = allocate(euro(amountCents), claims);
          if (totalWeight.isZero()) return shares === null;
          let sum = new Decimal(0);
          for (const claim of claims) {
            const share = shares!.get(claim.key)!;
            const exact = euro(amountCents).times(claim.weight).div(totalWeight);
            expect(share.minus(exact).abs().lte('0.01')).toBe(true);
            expect(share.decimalPlaces()).toBeLessThanOrEqual(2);
            sum = sum.plus(share);
          }
          expect(sum.toFixed(2)).toBe(euro(amountCents).toFixed(2));
          return true;
        },
      ),
    );
  });
});
