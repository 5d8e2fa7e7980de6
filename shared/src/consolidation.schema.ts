import { z } from 'zod';
import { fiscalYearQuerySchema } from './common.schema';
import { COST_NATURES, REVIEW_STATUSES } from './domain';
import { amountsSchema } from './line-item.schema';
import { moneySchema } from './money';
import { freeText } from './text.schema';

export const CONSOLIDATION_DIMENSIONS = [
  'institution',
  'sub_programme',
  'ekk',
  'cost_nature',
  'goal',
  'action_direction',
  'ict_service',
  'information_system',
  'priority',
  'review_status',
  'tbm_cost_pool',
  'tbm_tower',
] as const;
export type ConsolidationDimension = (typeof CONSOLIDATION_DIMENSIONS)[number];

export const consolidationQuerySchema = z.strictObject({
  by: z.enum(CONSOLIDATION_DIMENSIONS),
  /** Institution code (a lead may only give its own; it is applied for a lead anyway). */
  institution: freeText().trim().min(1).max(16).optional(),
  costNature: z.enum(COST_NATURES).optional(),
  reviewStatus: z.enum(REVIEW_STATUSES).exclude(['cut']).optional(),
  lang: z.enum(['lv', 'en']).optional(),
});
export type ConsolidationQuery = z.infer<typeof consolidationQuerySchema>;

export const consolidationRowSchema = z.object({
  /** The dimension's code; '' for items that name none (no service, no goal, …). */
  key: z.string(),
  label: z.string(),
  amounts: amountsSchema,
  /** The base cycle's approved amount for its first fiscal year; null without a base cycle. */
  previousYear: moneySchema.nullable(),
  /** First fiscal year minus previousYear, in euro (may be negative). */
  change: z.string().nullable(),
  /** The same as a percentage of previousYear, one decimal; null when previousYear is 0 or absent. */
  changePercent: z.string().nullable(),
  /** EKK only: 1–4, and the parent code ('' at level 1). */
  level: z.number().int().optional(),
  parentKey: z.string().optional(),
  itemCount: z.number().int(),
});
export type ConsolidationRow = z.infer<typeof consolidationRowSchema>;

export const consolidationSchema = z.object({
  cycleId: z.number().int(),
  by: z.enum(CONSOLIDATION_DIMENSIONS),
  fiscalYears: z.array(z.number().int()),
  /**
   * `partition`: every item in exactly one row, rows add up to the total (for `ekk`, the level-1
   * rows do; deeper rows are subtotals within them). `full-to-each`: an item with several goals
   * counts in full under each, so rows may add up to more than the total.
   */
  attribution: z.enum(['partition', 'full-to-each']),
  rows: z.array(consolidationRowSchema),
  total: z.object({ amounts: amountsSchema, previousYear: moneySchema.nullable(), itemCount: z.number().int() }),
  /** Items marked `cut` count zero above; here they are, apart, with their amounts. */
  cut: z.object({ amounts: amountsSchema, itemCount: z.number().int() }),
  /**
   * TBM dimensions only: per fiscal year, the share of the total the crosswalk maps, in per cent
   * with one decimal (null for a year with no total).
   */
  mappedShare: z.record(z.string(), z.string().nullable()).optional(),
});
export type Consolidation = z.infer<typeof consolidationSchema>;

/**
 * The dimensions a cross-table may put on an axis: those that partition the items (by goal an
 * item counts under each of its goals, so goal cannot be an axis of cells that add up).
 */
const crossDimensionSchema = z.enum(CONSOLIDATION_DIMENSIONS).exclude(['goal']);
export const CROSS_DIMENSIONS = crossDimensionSchema.options;

/**
 * The dimensions a crosswalk maps onto (EKK → TBM cost pool, ICT service → TBM tower): items the
 * crosswalk does not reach are the row keyed '' ("not mapped"), and the answer says how much of
 * each year is mapped.
 */
export const MAPPED_DIMENSIONS = ['tbm_cost_pool', 'tbm_tower'] as const satisfies readonly ConsolidationDimension[];
export type MappedDimension = (typeof MAPPED_DIMENSIONS)[number];
export type CrossDimension = (typeof CROSS_DIMENSIONS)[number];

/** EKK hierarchy levels: 1 (e.g. 2000) to 4 (e.g. 2251). */
export const EKK_LEVELS = [1, 2, 3, 4] as const;

export const consolidationCrossQuerySchema = z
  .strictObject({
    rows: crossDimensionSchema.default('institution'),
    columns: crossDimensionSchema.default('ekk'),
    /** One of the cycle's fiscal years; its first when left out. */
    fiscalYear: fiscalYearQuerySchema,
    /** The EKK axis shows the codes of this level (an item counts under its ancestor there). */
    ekkLevel: z.enum(['1', '2', '3', '4']).default('2').transform(Number),
    institution: z.string().trim().min(1).max(16).optional(),
    costNature: z.enum(COST_NATURES).optional(),
    reviewStatus: z.enum(REVIEW_STATUSES).exclude(['cut']).optional(),
    lang: z.enum(['lv', 'en']).optional(),
  })
  .refine((query) => query.rows !== query.columns, { path: ['columns'], message: 'cross.sameDimension' });
export type ConsolidationCrossQuery = z.infer<typeof consolidationCrossQuerySchema>;

const crossKeySchema = z.object({
  /** The dimension's code; '' for items that name none. */
  key: z.string(),
  label: z.string(),
  /** The row's or column's sum for the year. */
  total: moneySchema,
});

/**
 * The consolidated budget of one fiscal year by two dimensions at once. Every counted item is in
 * exactly one cell, so each row's cells add up to its total, each column's to its, and all of
 * them to `total` — the same figures, to the cent, as the one-dimension consolidation.
 */
export const consolidationCrossSchema = z.object({
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  rowDimension: crossDimensionSchema,
  columnDimension: crossDimensionSchema,
  ekkLevel: z.number().int(),
  columns: z.array(crossKeySchema),
  rows: z.array(
    crossKeySchema.extend({
      /** Amount per column key; a column the row has no items in is absent. */
      cells: z.record(z.string(), moneySchema),
    }),
  ),
  total: moneySchema,
  /** Items marked `cut` count zero above; here they are, apart. */
  cut: z.object({ amount: moneySchema, itemCount: z.number().int() }),
});
export type ConsolidationCross = z.infer<typeof consolidationCrossSchema>;
