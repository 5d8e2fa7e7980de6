/**
 * What an audit event changed on an item, field by field. The server records the whole item
 * before and after; people want to read "amount 2027: 100 → 120", not two JSON documents.
 */
export interface FieldChange {
  /** A line item field, or `amounts.<year>` for one year's amount. */
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping that changes with every write and tells the reader nothing. */
const IGNORED = new Set(['id', 'subProgrammeId', 'version', 'createdAt', 'updatedAt', 'carriedFromId']);

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const from = asRecord(before);
  const to = asRecord(after);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => !IGNORED.has(field));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (field === 'amounts') {
      const fromAmounts = asRecord(from.amounts);
      const toAmounts = asRecord(to.amounts);
      const years = [...new Set([...Object.keys(fromAmounts), ...Object.keys(toAmounts)])].sort();
      for (const year of years) {
        if (!same(fromAmounts[year], toAmounts[year])) {
          changes.push({ field: `amounts.${year}`, before: fromAmounts[year], after: toAmounts[year] });
        }
      }
      continue;
    }
    if (!same(from[field], to[field])) changes.push({ field, before: from[field], after: to[field] });
  }
  return changes;
}
