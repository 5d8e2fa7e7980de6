import { z } from 'zod';
import { COST_NATURES, PRIORITIES, REVIEW_STATUSES, COMMENT_KINDS } from './domain';
import { Decimal, moneySchema, moneyStringSchema } from './money';
import { freeText } from './text.schema';

import { amountsInputSchema, amountsSchema, stagesSchema } from './stage.schema';

// An item's amounts are its request, the first of its stages (stage.schema.ts).
export { amountsInputSchema, amountsSchema, type Amounts } from './stage.schema';

/** A quantity: up to three decimals, never negative (NUMERIC(14,3)). */
export const QUANTITY_PATTERN = /^(0|[1-9]\d{0,10})(\.\d{1,3})?$/;
/** A beneficiary's share in per cent: up to four decimals (NUMERIC(7,4)); above zero, at most 100. */
export const SHARE_PATTERN = /^(0|[1-9]\d{0,2})(\.\d{1,4})?$/;
/** The shares of a central item's beneficiaries add up to exactly this. */
export const BENEFICIARY_SHARES_TOTAL = '100';
/** The most beneficiaries one item may name. */
export const BENEFICIARIES_MAX = 200;
const text = (max: number) => freeText().max(max);
const code = (pattern: RegExp) => z.string().trim().regex(pattern);

/** A share in per cent as written: SHARE_PATTERN, and above zero. */
export function isShare(text: string): boolean {
  return SHARE_PATTERN.test(text) && new Decimal(text).greaterThan(0);
}

const beneficiarySchema = z.strictObject({
  institutionCode: z.string().trim().min(1).max(16),
  share: z.string().refine(isShare, 'share.format'),
});
export type Beneficiary = z.infer<typeof beneficiarySchema>;

/**
 * The institutions a central item is for, with their shares in per cent: each institution once,
 * the shares adding up to exactly 100 (an empty list: the item names its service instead). Every
 * problem is named where it is: `beneficiaries.<index>.institutionCode` for a repeat,
 * `beneficiaries` for the sum.
 */
export const beneficiariesInputSchema = z
  .array(beneficiarySchema)
  .max(BENEFICIARIES_MAX)
  .superRefine((beneficiaries, context) => {
    const seen = new Set<string>();
    for (const [index, beneficiary] of beneficiaries.entries()) {
      if (seen.has(beneficiary.institutionCode)) {
        context.addIssue({ code: 'custom', path: [index, 'institutionCode'], message: 'beneficiaries.unique' });
      }
      seen.add(beneficiary.institutionCode);
    }
    if (beneficiaries.length > 0 && !sharesAddUp(beneficiaries)) {
      context.addIssue({ code: 'custom', message: 'beneficiaries.total' });
    }
  });

/** The sum of the shares, exact (per cent); every share must be one (isShare). */
export function sharesTotal(beneficiaries: readonly { share: string }[]): Decimal {
  return beneficiaries.reduce((total, { share }) => total.plus(share), new Decimal(0));
}

/** Whether beneficiaries are named whose shares are all readable and add up to exactly 100. */
export function sharesAddUp(beneficiaries: readonly { share: string }[]): boolean {
  return (
    beneficiaries.length > 0 &&
    beneficiaries.every(({ share }) => isShare(share)) &&
    sharesTotal(beneficiaries).equals(BENEFICIARY_SHARES_TOTAL)
  );
}

/** Every field an owner may set on an item; none can set its status, version or owner. */
const lineItemFields = {
  title: freeText().trim().min(1).max(300),
  description: text(5000),
  ekkCode: code(/^\d{4}$/),
  costNature: z.enum(COST_NATURES),
  ictServiceCode: code(/^[A-Za-z0-9_-]{1,20}$/).nullable(),
  informationSystemCode: code(/^[A-Za-z0-9_-]{1,30}$/).nullable(),
  goalCodes: z
    .array(code(/^M\d{1,2}$/))
    .max(20)
    .refine((codes) => new Set(codes).size === codes.length, 'goalCodes.unique'),
  actionDirectionCode: code(/^R\d{1,2}$/).nullable(),
  priority: z.enum(PRIORITIES),
  rank: z.number().int().min(1).max(100000),
  quantity: z.string().regex(QUANTITY_PATTERN, 'quantity.format').nullable(),
  unit: freeText().trim().max(40).nullable(),
  unitPrice: moneyStringSchema.nullable(),
  businessNeed: text(10000),
  legalBasis: text(10000),
  impactIfCut: text(10000),
  calculationBasis: text(10000),
  beneficiaries: beneficiariesInputSchema,
  amounts: amountsInputSchema,
};

/**
 * An item's own fields besides its amounts and beneficiaries (lists the sheets do not show), in
 * the order sheets and comparisons show them.
 */
export type LineItemField = Exclude<keyof typeof lineItemFields, 'amounts' | 'beneficiaries'>;
export const LINE_ITEM_FIELDS: readonly LineItemField[] = (
  Object.keys(lineItemFields) as (keyof typeof lineItemFields)[]
).filter((field): field is LineItemField => field !== 'amounts' && field !== 'beneficiaries');

export const createLineItemInputSchema = z
  .strictObject(lineItemFields)
  .partial()
  .required({ title: true, ekkCode: true, costNature: true, priority: true });
export type CreateLineItemInput = z.infer<typeof createLineItemInputSchema>;

/** The most items one batch may create (rows pasted from a spreadsheet at once). */
export const LINE_ITEM_BATCH_MAX = 1000;

/**
 * Many new items at once, all created or none. Every problem is answered with the path
 * `items.<index>.<field>`, the index counting from 0 in the order sent.
 */
export const createLineItemBatchInputSchema = z.strictObject({
  items: z.array(createLineItemInputSchema).min(1).max(LINE_ITEM_BATCH_MAX),
});
export type CreateLineItemBatchInput = z.infer<typeof createLineItemBatchInputSchema>;

/** A PATCH names only what it changes; `amounts` replaces the years it names. */
export const updateLineItemInputSchema = z.strictObject(lineItemFields).partial();
export type UpdateLineItemInput = z.infer<typeof updateLineItemInputSchema>;

export const lineItemSchema = z.object({
  id: z.number().int(),
  subProgrammeId: z.number().int(),
  title: z.string(),
  description: z.string(),
  ekkCode: z.string(),
  costNature: z.enum(COST_NATURES),
  ictServiceCode: z.string().nullable(),
  informationSystemCode: z.string().nullable(),
  goalCodes: z.array(z.string()),
  actionDirectionCode: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  rank: z.number().int(),
  quantity: z.string().nullable(),
  unit: z.string().nullable(),
  unitPrice: moneySchema.nullable(),
  businessNeed: z.string(),
  legalBasis: z.string(),
  impactIfCut: z.string(),
  calculationBasis: z.string(),
  /** The institutions the item is for and their shares (per cent, four decimals), by institution code; [] for none. */
  beneficiaries: z.array(z.object({ institutionCode: z.string(), share: z.string() })),
  reviewStatus: z.enum(REVIEW_STATUSES),
  carriedFromId: z.number().int().nullable(),
  version: z.number().int(),
  amounts: amountsSchema,
  /** The amounts of every stage: the request (= amounts), ITC's proposal, the adopted and the current budget. */
  stages: stagesSchema,
  /**
   * Last year's approved figure for this item: the amount the consolidation counts as "last
   * year" for the base-cycle item it was carried from (`carriedFromId`) — "0.00" when that item
   * was cut — and null when it continues none. Read-only, worked out by the server.
   */
  previousYear: moneySchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LineItem = z.infer<typeof lineItemSchema>;
export const lineItemListSchema = z.array(lineItemSchema);
/** The answer to a batch: the created items, in the order they were sent. */
export const lineItemBatchSchema = z.object({ items: lineItemListSchema });
export type LineItemBatch = z.infer<typeof lineItemBatchSchema>;

export const reviewInputSchema = z.strictObject({
  decision: z.enum(['accept', 'return']),
  comment: freeText().trim().max(5000).optional(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const commentInputSchema = z.strictObject({ body: freeText().trim().min(1).max(5000) });

export const commentSchema = z.object({
  id: z.number().int(),
  lineItemId: z.number().int().nullable(),
  subProgrammeId: z.number().int().nullable(),
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  authorId: z.number().int().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof commentSchema>;
export const commentListSchema = z.array(commentSchema);
