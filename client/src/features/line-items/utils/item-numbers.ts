import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { Decimal } from '@ikt/shared/money';
import { moneyEditText, parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import { parseQuantityInput, quantityEditText, type QuantityInputProblem } from '../../../utils/quantity-input';

// Moved to utils/ (the consumption grid reads quantities too); the item form still imports them from here.
export { parseQuantityInput, quantityEditText, type QuantityInputProblem };

/**
 * The item's quantity, unit and unit price as a form edits them: text typed either way, read
 * into the API's exact decimal strings — never through a JavaScript number.
 */
export interface ItemNumberTexts {
  quantity: string;
  unit: string;
  unitPrice: string;
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
