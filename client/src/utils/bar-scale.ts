import { Decimal } from '@ikt/shared/money';

/**
 * Bar lengths for amounts (decimal strings), in the chart's units: the largest amount gets the
 * full length. Money stays decimal until the very end — a bar's length is geometry, not money.
 */
export function barLengths(amounts: readonly (string | null)[], fullLength: number): number[] {
  const values = amounts.map((amount) => new Decimal(amount ?? '0').abs());
  const largest = values.reduce((max, value) => (value.greaterThan(max) ? value : max), new Decimal(0));
  if (largest.isZero()) return values.map(() => 0);
  return values.map((value) => value.div(largest).times(fullLength).toDecimalPlaces(1).toNumber());
}

/** Round figures for the axis: 0 and up to four steps that end at or above the largest amount. */
export function axisTicks(largest: string, steps = 4): string[] {
  const max = new Decimal(largest);
  if (max.lessThanOrEqualTo(0)) return ['0'];
  const rough = max.div(steps);
  const magnitude = new Decimal(10).pow(rough.abs().log(10).floor());
  const nice = [1, 2, 2.5, 5, 10]
    .map((factor) => magnitude.times(factor))
    .find((step) => step.greaterThanOrEqualTo(rough))!;
  return Array.from({ length: steps + 1 }, (_, index) => nice.times(index).toFixed(0));
}
