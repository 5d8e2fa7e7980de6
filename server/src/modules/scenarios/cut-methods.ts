import type { Priority } from '@ikt/shared/domain';
import { Decimal, parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';

/**
 * The two answers to "reduce fiscal year Y by X" (an amount or a percentage), as pure functions
 * of the items: `priority` cuts whole items by tier, never a mandatory one; `uniform` is the
 * mechanical cut it is compared with, the same percentage off every non-mandatory item.
 */
export interface CandidateItem {
  id: number;
  subProgrammeCode: string;
  priority: Priority;
  /** 1 = most important within its sub-programme. */
  rank: number;
  /** The item's amount in the scenario's fiscal year. */
  amount: string;
}

export interface ComputedCut {
  id: number;
  cut: string;
}

export interface CutResult {
  cuts: ComputedCut[];
  achieved: string;
  overshoot: string;
}

/** Least important tier first; mandatory items are never cut. */
const TIERS: Priority[] = ['low', 'medium', 'high'];

const cuttable = (items: CandidateItem[]) =>
  items.filter((item) => item.priority !== 'mandatory' && parseMoney(item.amount).greaterThan(0));

/** The most any method may take: every non-mandatory item in full. */
export function maxReduction(items: CandidateItem[]): string {
  return toMoneyString(sumMoney(cuttable(items).map((item) => item.amount)));
}

/**
 * Whole items, tier by tier (low → medium → high). Within a tier, sub-programmes take turns in
 * code order, each losing its least important remaining item (highest rank, then highest id),
 * until the reduction reaches the target. The last item taken may overshoot it.
 */
export function priorityCut(items: CandidateItem[], target: string): CutResult {
  const goal = parseMoney(target);
  const cuts: ComputedCut[] = [];
  let achieved = new Decimal(0);
  for (const tier of TIERS) {
    if (achieved.greaterThanOrEqualTo(goal)) break;
    const queues = new Map<string, CandidateItem[]>();
    for (const item of cuttable(items).filter((i) => i.priority === tier)) {
      queues.set(item.subProgrammeCode, [...(queues.get(item.subProgrammeCode) ?? []), item]);
    }
    const order = [...queues.keys()].sort();
    for (const queue of queues.values()) queue.sort((a, b) => b.rank - a.rank || b.id - a.id);
    while (achieved.lessThan(goal) && order.some((code) => queues.get(code)!.length > 0)) {
      for (const code of order) {
        if (achieved.greaterThanOrEqualTo(goal)) break;
        const next = queues.get(code)!.shift();
        if (!next) continue;
        cuts.push({ id: next.id, cut: toMoneyString(parseMoney(next.amount)) });
        achieved = achieved.plus(next.amount);
      }
    }
  }
  return { cuts, achieved: toMoneyString(achieved), overshoot: toMoneyString(Decimal.max(achieved.minus(goal), 0)) };
}

/**
 * The same share off every non-mandatory item. Each share is floored to the cent; the cents
 * still missing go one each to the items with the largest remainders (ties: lower id first), so
 * the cuts add up to the target exactly and no item loses more than it has.
 */
export function uniformCut(items: CandidateItem[], target: string): CutResult {
  const candidates = cuttable(items).sort((a, b) => a.id - b.id);
  const goal = parseMoney(target);
  const base = sumMoney(candidates.map((item) => item.amount));
  if (goal.isZero() || base.isZero()) return { cuts: [], achieved: '0.00', overshoot: '0.00' };
  const shares = candidates.map((item) => {
    const exactCents = parseMoney(item.amount).times(goal).div(base).times(100);
    const floorCents = exactCents.floor();
    return { item, floorCents, remainder: exactCents.minus(floorCents) };
  });
  let missingCents = goal
    .times(100)
    .minus(sumMoney(shares.map((s) => s.floorCents)))
    .toNumber();
  const byRemainder = [...shares].sort((a, b) => b.remainder.comparedTo(a.remainder) || a.item.id - b.item.id);
  for (const share of byRemainder) {
    if (missingCents <= 0) break;
    share.floorCents = share.floorCents.plus(1);
    missingCents -= 1;
  }
  const cuts = shares
    .filter((s) => s.floorCents.greaterThan(0))
    .map((s) => ({ id: s.item.id, cut: toMoneyString(s.floorCents.div(100)) }));
  return { cuts, achieved: toMoneyString(goal), overshoot: '0.00' };
}
