import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';

/**
 * An item as it will be once a change is saved, for showing it at once. A change's `amounts`
 * names only the years it changes (as a PATCH does); strings are trimmed as the API trims them.
 */
export function applyChanges(item: LineItem, changes: UpdateLineItemInput): LineItem {
  const { amounts, ...fields } = changes;
  const next: LineItem = { ...item };
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  if (amounts) next.amounts = { ...item.amounts, ...amounts };
  return next;
}

/** Takes back exactly the fields (and years) a refused change touched, keeping anything saved since. */
export function revertChanges(current: LineItem, before: LineItem, changes: UpdateLineItemInput): LineItem {
  const next: LineItem = { ...current };
  for (const key of Object.keys(changes) as (keyof UpdateLineItemInput)[]) {
    if (key === 'amounts') continue;
    (next as unknown as Record<string, unknown>)[key] = before[key];
  }
  if (changes.amounts) {
    next.amounts = { ...current.amounts };
    for (const year of Object.keys(changes.amounts)) {
      const previous = before.amounts[year];
      if (previous === undefined) delete next.amounts[year];
      else next.amounts[year] = previous;
    }
  }
  return next;
}

/** Only what differs from the item: a form sends the fields the user changed, nothing else. */
export function changedFields(item: LineItem, edited: UpdateLineItemInput): UpdateLineItemInput {
  const changes: UpdateLineItemInput = {};
  for (const [key, value] of Object.entries(edited) as [keyof UpdateLineItemInput, unknown][]) {
    if (value === undefined) continue;
    if (key === 'amounts') {
      const years = Object.entries(value as Record<string, string>).filter(
        ([year, amount]) => item.amounts[year] !== amount,
      );
      if (years.length > 0) changes.amounts = Object.fromEntries(years);
      continue;
    }
    if (JSON.stringify(item[key]) !== JSON.stringify(value)) {
      (changes as Record<string, unknown>)[key] = value;
    }
  }
  return changes;
}

/**
 * The change that undoes `changes` made to `before`: each field (and year) it touched, back to
 * the value it had. A year the item had no amount for goes back to 0.00, as the grid shows it.
 */
export function inverseChanges(before: LineItem, changes: UpdateLineItemInput): UpdateLineItemInput {
  const inverse: UpdateLineItemInput = {};
  for (const key of Object.keys(changes) as (keyof UpdateLineItemInput)[]) {
    if (key === 'amounts') {
      inverse.amounts = Object.fromEntries(
        Object.keys(changes.amounts ?? {}).map((year) => [year, before.amounts[year] ?? '0.00']),
      );
    } else {
      (inverse as Record<string, unknown>)[key] = before[key];
    }
  }
  return inverse;
}

/** The one field a change touches, as the history names it: `amounts.2027`, `title`. */
export function changedFieldName(changes: UpdateLineItemInput): string {
  const [key] = Object.keys(changes);
  if (key === 'amounts') return `amounts.${Object.keys(changes.amounts ?? {})[0] ?? ''}`;
  return key ?? '';
}
