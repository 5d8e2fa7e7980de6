import { Decimal, parseMoney, toMoneyString } from '@ikt/shared/money';

/**
 * The change from last year's figure, worked out as the server works it out for each row
 * (difference in euro; percentage of last year, one decimal, half up) — for a total row the
 * server does not send. Null without a figure to compare with (or a zero one, for the percentage).
 */
export function changeAgainst(
  current: string,
  previous: string | null,
): { change: string | null; changePercent: string | null } {
  if (previous === null) return { change: null, changePercent: null };
  const difference = parseMoney(current).minus(previous);
  const base = parseMoney(previous);
  return {
    change: toMoneyString(difference),
    changePercent: base.isZero()
      ? null
      : difference.div(base).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1),
  };
}
