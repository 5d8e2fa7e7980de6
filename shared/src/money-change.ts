import { Decimal, parseMoney, toMoneyString, type MoneyString } from './money';

/**
 * "Change against last year", the one rule for every place that shows it — the consolidation's
 * rows, the pages' total rows and the workbook: the difference in euro, and that difference as a
 * share of last year's figure. Without last year's figure there is nothing to compare with; from
 * a zero figure there is no share.
 */
export interface MoneyChange {
  /** This year's figure less last year's, in euro. */
  change: MoneyString | null;
  /** The change in per cent of last year's, one decimal, half up ("27.2"). */
  changePercent: string | null;
}

function difference(current: string, previous: string): { change: Decimal; ratio: Decimal | null } {
  const base = parseMoney(previous);
  const change = parseMoney(current).minus(base);
  return { change, ratio: base.isZero() ? null : change.div(base) };
}

export function changeAgainst(current: string, previous: string): MoneyChange & { change: MoneyString };
export function changeAgainst(current: string, previous: string | null): MoneyChange;
export function changeAgainst(current: string, previous: string | null): MoneyChange {
  if (previous === null) return { change: null, changePercent: null };
  const { change, ratio } = difference(current, previous);
  return {
    change: toMoneyString(change),
    changePercent: ratio === null ? null : ratio.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1),
  };
}

/**
 * The change as an unrounded fraction of last year's figure (a decimal string, "0.2715…"), for a
 * cell that a percentage format shows and a formula recomputes; null where `changeAgainst` has
 * no percentage.
 */
export function changeRatio(current: string, previous: string | null): string | null {
  if (previous === null) return null;
  return difference(current, previous).ratio?.toString() ?? null;
}
