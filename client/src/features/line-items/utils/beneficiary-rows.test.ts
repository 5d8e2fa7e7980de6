import { describe, expect, it } from 'vitest';
import { addsUp, beneficiariesInput, beneficiaryRowsOf, rowsTotal, sameAsItem } from './beneficiary-rows';

describe('beneficiary rows', () => {
  it('start from the item’s shares without their trailing zeros', () => {
    expect(
      beneficiaryRowsOf([
        { institutionCode: 'IKSD', share: '75.0000' },
        { institutionCode: 'LD', share: '24.5000' },
        { institutionCode: 'FD', share: '0.5000' },
      ]),
    ).toEqual([
      { institutionCode: 'IKSD', share: '75' },
      { institutionCode: 'LD', share: '24.5' },
      { institutionCode: 'FD', share: '0.5' },
    ]);
  });

  it('read a share typed with a decimal comma or a per cent sign', () => {
    expect(beneficiariesInput([{ institutionCode: 'LD', share: ' 12,5 % ' }])).toEqual([
      { institutionCode: 'LD', share: '12.5' },
    ]);
  });

  it('sum exactly, and say when the shares add up to 100', () => {
    const thirds = [
      { institutionCode: 'A', share: '33,3333' },
      { institutionCode: 'B', share: '33.3333' },
      { institutionCode: 'C', share: '33.3334' },
    ];
    expect(rowsTotal(thirds)?.toFixed()).toBe('100');
    expect(addsUp(rowsTotal(thirds))).toBe(true);
    expect(addsUp(rowsTotal(thirds.slice(0, 2)))).toBe(false);
    // A share that cannot be read leaves no sum to show.
    expect(rowsTotal([{ institutionCode: 'A', share: 'daudz' }])).toBeUndefined();
    expect(addsUp(undefined)).toBe(false);
  });

  it('know when nothing was changed, whatever the order or the way a share is written', () => {
    const item = [
      { institutionCode: 'IKSD', share: '75.0000' },
      { institutionCode: 'LD', share: '25.0000' },
    ];
    expect(
      sameAsItem(
        [
          { institutionCode: 'LD', share: '25,0' },
          { institutionCode: 'IKSD', share: '75' },
        ],
        item,
      ),
    ).toBe(true);
    expect(sameAsItem([{ institutionCode: 'IKSD', share: '100' }], item)).toBe(false);
    expect(sameAsItem([], [])).toBe(true);
  });
});
