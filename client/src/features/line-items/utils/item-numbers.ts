import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { Decimal } from '@ikt/shared/money';
import { moneyEditText, parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';

/**
 * The item's quantity, unit and unit price as a form edits them: text typed either way, read
 * into the API's exact decimal strings — never through a JavaScript number.
 */
export interface ItemNumberTexts {
  quantity: string;
  unit: string;
  unitPrice: string;
}

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

export function itemNumberTexts(item: Pick<LineItem, 'quantity' | 'unit' | 'unitPrice'>): ItemNumberTexts {
  return {
    quantity: quantityEditText(item.quantity),
    unit: item.unit ?? '',
    unitPrice: item.unitPrice === null ? '' : moneyEditText(item.unitPrice),
  };
}

const sameDecimal = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : new Decimal(a).equals(new Decimal(b));

export interface ItemNumberEdits {
  /** The fields whose value differs from the item's (`12.5` and `12.500` are the same quantity). */
  changes: Pick<UpdateLineItemInput, 'quantity' | 'unit' | 'unitPrice'>;
  problems: { quantity?: QuantityInputProblem; unitPrice?: Exclude<MoneyInputProblem, 'empty'> };
}

export function itemNumberEdits(
  item: Pick<LineItem, 'quantity' | 'unit' | 'unitPrice'>,
  texts: ItemNumberTexts,
): ItemNumberEdits {
  const edits: ItemNumberEdits = { changes: {}, problems: {} };
  const quantity = parseQuantityInput(texts.quantity);
  if (!quantity.ok) edits.problems.quantity = quantity.problem;
  else if (!sameDecimal(quantity.value, item.quantity)) edits.changes.quantity = quantity.value;

  const unit = texts.unit.trim() === '' ? null : texts.unit.trim();
  if (unit !== item.unit) edits.changes.unit = unit;

  const price = parseMoneyInput(texts.unitPrice);
  const unitPrice = price.ok ? price.value : price.problem === 'empty' ? null : undefined;
  if (!price.ok && price.problem !== 'empty') edits.problems.unitPrice = price.problem;
  else if (unitPrice !== undefined && !sameDecimal(unitPrice, item.unitPrice)) edits.changes.unitPrice = unitPrice;
  return edits;
}
