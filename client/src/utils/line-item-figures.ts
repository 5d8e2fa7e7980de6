import type { LineItem } from '@ikt/shared/line-item.schema';
import { sumMoney, toMoneyString, type MoneyString } from '@ikt/shared/money';
import { submitRuleProblems } from '@ikt/shared/submit-rules';

/**
 * Items marked `cut` count zero and are not checked for submission (as on the server); `central`:
 * the item is in the central sub-programme.
 */
export function problemCount(item: LineItem, central: boolean): number {
  return item.reviewStatus === 'cut' ? 0 : submitRuleProblems({ ...item, central }).length;
}

/** Totals per fiscal year of the given items; items marked `cut` count zero, as in every total. */
export function totalsByYear(items: readonly LineItem[], fiscalYears: readonly number[]): Record<string, MoneyString> {
  const counted = items.filter((item) => item.reviewStatus !== 'cut');
  return Object.fromEntries(
    fiscalYears.map((year) => [
      String(year),
      toMoneyString(sumMoney(counted.map((item) => item.amounts[String(year)] ?? '0'))),
    ]),
  );
}
