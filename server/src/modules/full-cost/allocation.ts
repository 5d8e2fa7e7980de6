import { Decimal } from '@ikt/shared/money';

/** A claim on an amount: whose, and how much it weighs (a quantity consumed, a share in per cent). */
export interface Claim {
  key: string;
  weight: Decimal;
}

/** Code-point order of two codes (JavaScript's `<` compares UTF-16 units, not code points). */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const difference = left[i]!.codePointAt(0)! - right[i]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/** The number of units of 10^-places in a non-negative decimal, exactly. */
function scaled(value: Decimal, places: number): bigint {
  return BigInt(value.times(new Decimal(10).pow(places)).toFixed(0, Decimal.ROUND_DOWN));
}

const WEIGHT_PLACES = 4;

/**
 * Splits `amount` (euro, two decimals, ≥ 0) among the claims in proportion to their weights, to
 * the cent and exactly: each share is its exact proportion floored to the cent, and the cents
 * still missing go one each to the largest remainders, a tie to the key first in code-point order.
 * So the shares add up to the amount, and none is more than a cent from its exact proportion.
 * Answers null when the weights add up to nothing (there is nobody to allocate to). Integer
 * arithmetic throughout (cents × weights in BigInt): no rounding but the one described.
 */
export function allocate(amount: Decimal, claims: readonly Claim[]): Map<string, Decimal> | null {
  const cents = scaled(amount, 2);
  const weights = claims.map((claim) => ({ key: claim.key, weight: scaled(claim.weight, WEIGHT_PLACES) }));
  const totalWeight = weights.reduce((sum, claim) => sum + claim.weight, 0n);
  if (totalWeight === 0n) return null;

  const shares = weights.map(({ key, weight }) => ({
    key,
    cents: (cents * weight) / totalWeight,
    remainder: (cents * weight) % totalWeight,
  }));
  let missing = cents - shares.reduce((sum, share) => sum + share.cents, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? compareCodePoints(a.key, b.key) : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (missing === 0n) break;
    share.cents += 1n;
    missing -= 1n;
  }

  const answer = new Map<string, Decimal>();
  for (const share of shares) {
    answer.set(share.key, (answer.get(share.key) ?? new Decimal(0)).plus(new Decimal(share.cents.toString()).div(100)));
  }
  return answer;
}
