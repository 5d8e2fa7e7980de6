import { Decimal as DecimalJs } from 'decimal.js';
import { z } from 'zod';

/**
 * The one place that owns money arithmetic. Money is NUMERIC(14,2) in the database, a decimal
 * string on the wire ("1234.56") and a Decimal in code — never a JavaScript number.
 */

/** A dedicated Decimal constructor so no other code's settings change our rounding. */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = DecimalJs;

export type MoneyString = string;

/** At most 12 integer digits (NUMERIC(14,2)), at most two decimals, a dot, no sign, no exponent. */
export const MONEY_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/**
 * Money in an answer: exactly two decimals (no transform, so answers can be serialised). Any
 * number of integer digits: a total of many items may exceed what one item can hold.
 */
export const moneySchema = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .meta({ description: 'Amount in euro as a decimal string with two decimals', example: '1234.56' });

/** Money in a request: validated, then normalised to two decimals. */
export const moneyStringSchema = z
  .string()
  .regex(MONEY_PATTERN, { message: 'money.format' })
  .transform((value) => toMoneyString(parseMoney(value)))
  .meta({ description: 'Amount in euro as a decimal string, e.g. "1234.56"', example: '1234.56' });

/** Parses a money string that already passed MONEY_PATTERN (or came from the database). */
export function parseMoney(value: string): Decimal {
  return new Decimal(value);
}

export function toMoneyString(value: Decimal): MoneyString {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function sumMoney(values: Iterable<string | Decimal>): Decimal {
  let total = new Decimal(0);
  for (const value of values) total = total.plus(value);
  return total;
}

/** "1 234,56 €" — the Latvian form shown to people (grouping with a no-break space). */
export function formatMoneyLv(value: string | Decimal): string {
  const fixed = toMoneyString(new Decimal(value));
  const negative = fixed.startsWith('-');
  const [integerPart = '0', cents = '00'] = fixed.replace('-', '').split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${negative ? '−' : ''}${grouped},${cents}\u00a0€`;
}
