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

/**
 * The most one amount in a request may be: 999 999 999 999.99 € — an item's amount for one fiscal
 * year, its unit price, a scenario's target, the municipal budget. It is what NUMERIC(14,2) holds,
 * a thousand times Riga's whole budget, so no real figure meets it; anything larger is a typing
 * error and refused naming its field. A sum of many amounts may be larger: the columns that store
 * sums are sized for them (migrations/src/20261207110000_sum_columns.ts).
 */
export const MAX_AMOUNT = '999999999999.99';

/** At most 12 integer digits (so at most MAX_AMOUNT), at most two decimals, a dot, no sign, no exponent. */
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
