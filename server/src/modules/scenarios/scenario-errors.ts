import { Decimal, formatMoneyLv, parseMoney } from '@ikt/shared/money';
import type { ScenarioInfeasible } from '@ikt/shared/scenario.schema';
import { ValidationError } from '../../errors';

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
    const amount = formatMoneyLv(facts.largestReduction);
    const total = formatMoneyLv(facts.yearTotal);
    const percentLv = `${facts.largestPercent.replace('.', ',')}\u00a0%`;
    const percentEn = `${facts.largestPercent}%`;
    super(
      {
        lv: `Samazinājumu par ${formatMoneyLv(target)} nevar panākt: ${facts.fiscalYear}. gadu var samazināt ne vairāk kā par ${percentLv} no gada kopsummas ${total}, tas ir, ${amount} (visas neobligātās pozīcijas).`,
        en: `A cut of ${formatMoneyLv(target)} cannot be reached: ${facts.fiscalYear} can be cut by at most ${percentEn} of the year’s total of ${total}, that is ${amount} (every non-mandatory item).`,
      },
      [
        {
          path: 'body.target.value',
          message: { lv: `Ne vairāk kā ${percentLv} (${amount})`, en: `At most ${percentEn} (${amount})` },
        },
      ],
    );
  }

  override get extensions(): Record<string, unknown> {
    return { ...this.facts };
  }
}
