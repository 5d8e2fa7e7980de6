import { describe, expect, it } from 'vitest';
import { addsUp, beneficiariesInput, beneficiaryRowsOf, rowsTotal, sameAsItem } from './beneficiary-rows';

/** Rows written short: `rows('LD:25', 'IKSD:75')`. */
const rows = (...pairs: string[]) =>
  pairs.map((pair) => {
    const [institutionCode = '', share = ''] = pair.split(':');
    return { institutionCode, share };
  });

describe('beneficiary rows', () => {
  it('start from the item’s shares without their trailing zeros', () => {
    expect(beneficiaryRowsOf(rows('IKSD:75.0000', 'LD:24.5000', 'FD:0.5000'))).toEqual(
      rows('IKSD:75', 'LD:24.5', 'FD:0.5'),
    );
  });

  it('read a share typed with a decimal comma or a per cent sign', () => {
    expect(beneficiariesInput(rows('LD: 12,5 % '))).toEqual(rows('LD:12.5'));
  });

  it('sum exactly, and say when the shares add up to 100', () => {
    const thirds = rows('A:33,3333', 'B:33.3333', 'C:33.3334');
    expect(rowsTotal(thirds)?.toFixed()).toBe('100');
    expect(addsUp(rowsTotal(thirds))).toBe(true);
    expect(addsUp(rowsTotal(thirds.slice(0, 2)))).toBe(false);
    // A share that cannot be read leaves no sum to show.
    expect(rowsTotal(rows('A:daudz'))).toBeUndefined();
    expect(addsUp(undefined)).toBe(false);
  });

  it('know when nothing was changed, whatever the order or the way a share is written', () => {
    const item = rows('IKSD:75.0000', 'LD:25.0000');
    expect(sameAsItem(rows('LD:25,0', 'IKSD:75'), item)).toBe(true);
    expect(sameAsItem(rows('IKSD:100'), item)).toBe(false);
    expect(sameAsItem([], [])).toBe(true);
  });
});
