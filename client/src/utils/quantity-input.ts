import { Decimal } from '@ikt/shared/money';

/**
 * A quantity (of an item, of a service consumed) as people type it, read into the API's exact
 * decimal string — never through a JavaScript number.
 */

export type QuantityInputProblem = 'invalid' | 'negative' | 'tooManyDecimals' | 'tooLarge';
export type QuantityInputResult = { ok: true; value: string | null } | { ok: false; problem: QuantityInputProblem };

const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;
const MAX_INTEGER_DIGITS = 11;
const MAX_DECIMALS = 3;

/**
 * `12`, `12,5`, `12.5`, `1 200`: a quantity has no thousands mark but a space, so a comma or a
 * dot is always the decimal mark. Empty means no quantity.
 */
export function parseQuantityInput(text: string): QuantityInputResult {
  const value = text.replace(SPACES, '');
  if (value === '') return { ok: true, value: null };
  if (/^[-−–]/.test(value)) return { ok: false, problem: /\d/.test(value) ? 'negative' : 'invalid' };
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(value);
  const [, integer = '', fraction = ''] = match ?? [];
  if (!match || (integer === '' && fraction === '')) return { ok: false, problem: 'invalid' };
  if (fraction.length > MAX_DECIMALS) return { ok: false, problem: 'tooManyDecimals' };
  const quantity = new Decimal(`${integer || '0'}.${fraction || '0'}`);
  if (quantity.truncated().toFixed().length > MAX_INTEGER_DIGITS) return { ok: false, problem: 'tooLarge' };
  return { ok: true, value: quantity.toFixed() };
}

/** The text an editor starts from: no trailing zeros, a decimal comma (`12,5`). */
export function quantityEditText(value: string | null): string {
  return value === null ? '' : new Decimal(value).toFixed().replace('.', ',');
}

/** The catalogue key of what to tell the user about a problem. */
export const quantityProblemMessage = (problem: QuantityInputProblem) => `item.quantity.problem.${problem}` as const;
