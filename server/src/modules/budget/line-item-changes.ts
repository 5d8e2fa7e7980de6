import { Decimal } from '@ikt/shared/money';
import type { DomainError } from '../../errors';
import {
  LINE_ITEM_FIELDS,
  type CreateLineItemInput,
  updateLineItemInputSchema,
  type LineItem,
  type UpdateLineItemInput,
} from '@ikt/shared/line-item.schema';

/**
 * A batch of new items and changes to existing ones, as the line item service applies it (all or
 * none), and what it answers: pure types and the diff of a change, no database here.
 */

/**
 * One entry of a batch of changes: a new item (id null) or a change of an existing one, as a
 * reading of the caller's format (the spreadsheet import) made it.
 */
export interface ItemChangeEntry {
  id: number | null;
  /** The version the change was made against; needed for an existing item. */
  version: number | null;
  /** The whole item; undefined when the reading refused some of its fields. */
  input: CreateLineItemInput | undefined;
  /** The fields the reading accepted: their references are checked even when others were refused. */
  checkable: UpdateLineItemInput;
}

/** Why an entry of a batch cannot be applied, by code; the caller says it in its own terms. */
export type ItemChangeProblem =
  | { index: number; code: 'duplicate'; firstIndex: number }
  | { index: number; code: 'notFound' }
  | { index: number; code: 'staleVersion'; sent: number | null; current: number }
  /** A rule of create or update refused it (422 with field paths `body.<field>`, 409, 412, 404). */
  | { index: number; code: 'refused'; error: DomainError };

export interface ItemChangeRow {
  index: number;
  id: number | null;
  title: string;
  /** The fields a change changes (none for a new or unchanged item). */
  fields: string[];
}

export type ItemChangesOutcome =
  | { ok: false; problems: ItemChangeProblem[] }
  | {
      ok: true;
      created: ItemChangeRow[];
      updated: ItemChangeRow[];
      unchanged: ItemChangeRow[];
      /** The new items as written (none in a dry run): the batch API answers them. */
      createdItems: LineItem[];
    };

export interface ItemChangesOptions {
  /** Check everything, write nothing. */
  dryRun: boolean;
  onProgress?: (stage: 'check' | 'apply', done: number, total: number) => void;
}

const TEXT_FIELDS = ['title', 'description', 'businessNeed', 'legalBasis', 'impactIfCut', 'calculationBasis'] as const;
const CODE_FIELDS = ['ictServiceCode', 'informationSystemCode', 'actionDirectionCode'] as const;

const sameText = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? '').replace(/\r\n?/g, '\n') === (b ?? '').replace(/\r\n?/g, '\n');
const sameDecimal = (a: string | null | undefined, b: string | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined
    ? (a ?? null) === (b ?? null)
    : new Decimal(a).equals(b);

/** The same institutions with the same shares, in whatever order. */
function sameBeneficiaries(a: LineItem['beneficiaries'], b: LineItem['beneficiaries']): boolean {
  const shares = new Map(b.map((beneficiary) => [beneficiary.institutionCode, beneficiary.share]));
  return (
    a.length === b.length &&
    a.every((beneficiary) => sameDecimal(beneficiary.share, shares.get(beneficiary.institutionCode)))
  );
}

/**
 * What a row changes on an existing item: only the fields whose values differ, so an untouched
 * row changes nothing (and keeps its version). Amounts name only the years that differ;
 * beneficiaries, a list replaced whole, are all of them or nothing.
 */
export function changesOf(input: UpdateLineItemInput, current: LineItem): UpdateLineItemInput {
  const changes: Record<string, unknown> = {};
  for (const field of LINE_ITEM_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    const before = current[field];
    const same =
      field === 'goalCodes'
        ? [...(value as string[])].sort().join(';') === [...(before as string[])].sort().join(';')
        : field === 'quantity' || field === 'unitPrice'
          ? sameDecimal(value as string | null, before as string | null)
          : (TEXT_FIELDS as readonly string[]).includes(field) || field === 'unit'
            ? sameText(value as string | null, before as string | null)
            : (CODE_FIELDS as readonly string[]).includes(field)
              ? (value ?? null) === (before ?? null)
              : value === before;
    if (!same) changes[field] = value;
  }
  if (input.beneficiaries && !sameBeneficiaries(input.beneficiaries, current.beneficiaries)) {
    changes.beneficiaries = input.beneficiaries;
  }
  if (input.amounts) {
    const amounts = Object.entries(input.amounts).filter(
      ([year, amount]) => !new Decimal(amount).equals(current.amounts[year] ?? '0'),
    );
    if (amounts.length > 0) changes.amounts = Object.fromEntries(amounts);
  }
  return updateLineItemInputSchema.parse(changes);
}
