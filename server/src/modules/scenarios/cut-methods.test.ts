import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from '@ikt/shared/domain';
import { parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import { maxReduction, priorityCut, uniformCut, type CandidateItem } from './cut-methods';

const cents = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/** Random items of a cycle: a few sub-programmes, every priority, amounts up to a million euro. */
const itemsArbitrary = fc
  .array(
    fc.record({
      subProgrammeCode: fc.constantFrom('IKT.A.01', 'IKT.B.01', 'IKT.C.02'),
      priority: fc.constantFrom(...PRIORITIES),
      rank: fc.integer({ min: 1, max: 20 }),
      amount: fc.bigInt({ min: 0n, max: 100_000_000n }).map(cents),
    }),
    { maxLength: 40 },
  )
  .map((items) => items.map((item, index): CandidateItem => ({ ...item, id: index + 1 })));

/** A target between 0 and the most that can be cut. */
const caseArbitrary = itemsArbitrary.chain((items) => {
  const max = BigInt(parseMoney(maxReduction(items)).times(100).toFixed(0));
  return fc.tuple(fc.constant(items), fc.bigInt({ min: 0n, max }).map(cents));
});

describe('uniform cut', () => {
  it('cuts exactly the target, never more than an item has, never a mandatory item', () => {
    fc.assert(
      fc.property(caseArbitrary, ([items, target]) => {
        const result = uniformCut(items, target);
        expect(toMoneyString(sumMoney(result.cuts.map((c) => c.cut)))).toBe(target);
        expect(result.achieved).toBe(target);
        const byId = new Map(items.map((i) => [i.id, i]));
        for (const cut of result.cuts) {
          const item = byId.get(cut.id)!;
          expect(item.priority).not.toBe('mandatory');
          expect(parseMoney(cut.cut).lessThanOrEqualTo(item.amount)).toBe(true);
          expect(parseMoney(cut.cut).greaterThan(0)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes the same share off every item, to within a cent', () => {
    const items: CandidateItem[] = [
      { id: 1, subProgrammeCode: 'A', priority: 'low', rank: 1, amount: '100.00' },
      { id: 2, subProgrammeCode: 'A', priority: 'high', rank: 2, amount: '200.00' },
      { id: 3, subProgrammeCode: 'B', priority: 'medium', rank: 1, amount: '0.03' },
      { id: 4, subProgrammeCode: 'B', priority: 'mandatory', rank: 1, amount: '500.00' },
    ];
    // 10.00 of 300.03 cuttable: exact shares 3.3330, 6.6660 and 0.0009 euro. Floors 3.33 + 6.66 + 0.00
    // = 9.99; the missing cent goes to the largest remainder (item 2's 0.60 cent).
    expect(uniformCut(items, '10.00').cuts).toEqual([
      { id: 1, cut: '3.33' },
      { id: 2, cut: '6.67' },
    ]);
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(caseArbitrary, ([items, target]) => {
        expect(uniformCut([...items].reverse(), target)).toEqual(uniformCut(items, target));
      }),
    );
  });
});

describe('priority cut', () => {
  it('never touches a mandatory item, never cuts a higher tier while a lower one has items, reaches the target', () => {
    const rankOf = { low: 0, medium: 1, high: 2, mandatory: 3 } as const;
    fc.assert(
      fc.property(caseArbitrary, ([items, target]) => {
        const result = priorityCut(items, target);
        const byId = new Map(items.map((i) => [i.id, i]));
        const cutIds = new Set(result.cuts.map((c) => c.id));
        expect(parseMoney(result.achieved).greaterThanOrEqualTo(target)).toBe(true);
        expect(result.overshoot).toBe(toMoneyString(parseMoney(result.achieved).minus(target)));
        expect(toMoneyString(sumMoney(result.cuts.map((c) => c.cut)))).toBe(result.achieved);
        const highestTierCut = Math.max(-1, ...result.cuts.map((c) => rankOf[byId.get(c.id)!.priority]));
        for (const cut of result.cuts) {
          const item = byId.get(cut.id)!;
          expect(item.priority).not.toBe('mandatory');
          expect(cut.cut).toBe(toMoneyString(parseMoney(item.amount))); // whole items
        }
        // Every item of a lower tier than the highest one cut is gone already.
        for (const item of items) {
          if (
            item.priority !== 'mandatory' &&
            rankOf[item.priority] < highestTierCut &&
            parseMoney(item.amount).greaterThan(0)
          ) {
            expect(cutIds.has(item.id)).toBe(true);
          }
        }
        // The last cut was needed: without it the target was not reached.
        if (result.cuts.length > 0) {
          const withoutLast = sumMoney(result.cuts.slice(0, -1).map((c) => c.cut));
          expect(withoutLast.lessThan(target)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('takes turns across sub-programmes, each losing its least important item first', () => {
    const items: CandidateItem[] = [
      { id: 1, subProgrammeCode: 'B', priority: 'low', rank: 1, amount: '10.00' },
      { id: 2, subProgrammeCode: 'B', priority: 'low', rank: 5, amount: '10.00' },
      { id: 3, subProgrammeCode: 'A', priority: 'low', rank: 2, amount: '10.00' },
      { id: 4, subProgrammeCode: 'A', priority: 'low', rank: 3, amount: '10.00' },
      { id: 5, subProgrammeCode: 'A', priority: 'medium', rank: 9, amount: '10.00' },
    ];
    expect(priorityCut(items, '25.00').cuts.map((c) => c.id)).toEqual([4, 2, 3]);
    expect(priorityCut(items, '25.00')).toMatchObject({ achieved: '30.00', overshoot: '5.00' });
  });

  it('is deterministic, whatever order the items come in', () => {
    fc.assert(
      fc.property(caseArbitrary, ([items, target]) => {
        expect(priorityCut([...items].reverse(), target)).toEqual(priorityCut(items, target));
      }),
    );
  });
});
