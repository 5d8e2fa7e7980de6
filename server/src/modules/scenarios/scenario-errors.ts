import { Decimal, parseMoney } from '@ikt/shared/money';
import type { ScenarioInfeasible } from '@ikt/shared/scenario.schema';
import { ValidationError } from '../../errors';
import { message } from '../../messages/message';

/**
 * The largest reduction as a percentage of the year's total, rounded down to two decimals: a
 * percentage target of exactly this is always feasible (rounded half up to the cent, it stays at
 * or below the reduction). "34.5", "0", "100" — the form a percentage target takes.
 */
export function largestPercentOf(largestReduction: string, yearTotal: Decimal): string {
  if (yearTotal.isZero()) return '0';
  const percent = parseMoney(largestReduction).div(yearTotal).times(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  return percent.toFixed(2).replace(/\.?0+$/, '') || '0';
}

/** A target larger than every non-mandatory item of the year together (422), with what is possible. */
export class ScenarioInfeasibleError extends ValidationError {
  constructor(
    readonly facts: Pick<ScenarioInfeasible, 'fiscalYear' | 'yearTotal' | 'largestReduction' | 'largestPercent'>,
    target: Decimal,
  ) {
    const reach = { ...facts, target };
    super(message('scenario.infeasible', reach), [
      { path: 'body.target.value', message: message('scenario.infeasibleField', reach) },
    ]);
  }

  override get extensions(): Record<string, unknown> {
    return { ...this.facts };
  }
}
