import { fieldChanges, type FieldChange } from '../../../utils/history-changes';

/** A field of a record as the audit trail holds it: `amounts.<year>` for one year's amount. */
export interface AuditField {
  field: string;
  value: unknown;
}

/**
 * What an audit event says, field by field: what changed (before and after), or what was
 * recorded when there is only one side — a record made (after only) or removed (before only).
 */
export type AuditChanges =
  | { kind: 'changed'; changes: FieldChange[] }
  | { kind: 'recorded'; fields: AuditField[] }
  | { kind: 'removed'; fields: AuditField[] }
  | { kind: 'none' };

/** Bookkeeping a reader learns nothing from. */
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function fieldsOf(value: unknown): AuditField[] {
  if (!isRecord(value)) return value === null || value === undefined ? [] : [{ field: 'value', value }];
  return Object.entries(value).flatMap(([field, inner]): AuditField[] => {
    if (IGNORED.has(field)) return [];
    if (field === 'amounts' && isRecord(inner)) {
      return Object.keys(inner)
        .sort()
        .map((year) => ({ field: `amounts.${year}`, value: inner[year] }));
    }
    return [{ field, value: inner }];
  });
}

export function auditChanges(event: { before: unknown; after: unknown }): AuditChanges {
  const hasBefore = event.before !== null && event.before !== undefined;
  const hasAfter = event.after !== null && event.after !== undefined;
  if (hasBefore && hasAfter) {
    const changes = fieldChanges(event.before, event.after);
    return changes.length > 0 ? { kind: 'changed', changes } : { kind: 'none' };
  }
  if (hasAfter) return { kind: 'recorded', fields: fieldsOf(event.after) };
  if (hasBefore) return { kind: 'removed', fields: fieldsOf(event.before) };
  return { kind: 'none' };
}
