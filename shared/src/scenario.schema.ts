import { z } from 'zod';
import { PRIORITIES, SCENARIO_METHODS } from './domain';
import { idSchema } from './common.schema';
import { moneySchema, moneyStringSchema } from './money';
import { problemSchema } from './problem.schema';
import { freeText } from './text.schema';

const percentSchema = z
  .string()
  .regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, 'percent.format')
  .meta({ description: 'A percentage 0–100 with at most two decimals, e.g. "5" or "7.5"' });

export const createScenarioInputSchema = z.strictObject({
  name: freeText().trim().min(1).max(200),
  fiscalYear: z.number().int(),
  method: z.enum(SCENARIO_METHODS),
  target: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('amount'), value: moneyStringSchema }),
    z.strictObject({ kind: z.literal('percent'), value: percentSchema }),
  ]),
});
export type CreateScenarioInput = z.infer<typeof createScenarioInputSchema>;

/**
 * A target larger than the year allows (422): besides the words, what could be cut at most, so a
 * form can say it in its own terms (and offer it).
 */
export const scenarioInfeasibleSchema = problemSchema.extend({
  fiscalYear: z.number().int(),
  /** The year's total before any cut. */
  yearTotal: moneySchema,
  /** Every non-mandatory item of the year: the most any method can cut. */
  largestReduction: moneySchema,
  /** The same as a percentage of the year's total, rounded down, so that asking for it is feasible. */
  largestPercent: percentSchema,
});
export type ScenarioInfeasible = z.infer<typeof scenarioInfeasibleSchema>;

export const scenarioCutSchema = z.object({
  lineItemId: z.number().int(),
  subProgrammeCode: z.string(),
  institutionCode: z.string(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  rank: z.number().int(),
  before: moneySchema,
  cut: moneySchema,
  after: moneySchema,
  impactIfCut: z.string(),
});
export type ScenarioCut = z.infer<typeof scenarioCutSchema>;

export const institutionEffectSchema = z.object({
  institutionCode: z.string(),
  before: moneySchema,
  after: moneySchema,
  cut: moneySchema,
});

export const scenarioSchema = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  name: z.string(),
  fiscalYear: z.number().int(),
  method: z.enum(SCENARIO_METHODS),
  target: z.object({ kind: z.enum(['amount', 'percent']), value: z.string() }),
  /** The target in euro (a percentage of the year's whole total, rounded half up to the cent). */
  targetAmount: moneySchema,
  achieved: moneySchema,
  overshoot: moneySchema,
  /** What could be cut at most: every non-mandatory item of the year. */
  maxReduction: moneySchema,
  yearTotalBefore: moneySchema,
  yearTotalAfter: moneySchema,
  cuts: z.array(scenarioCutSchema),
  institutions: z.array(institutionEffectSchema),
  createdAt: z.string(),
  adoptedAt: z.string().nullable(),
  /** The cycle's items changed since it was computed: it can no longer be adopted. */
  stale: z.boolean(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

export const scenarioSummarySchema = scenarioSchema.omit({ cuts: true, institutions: true });
export const scenarioListSchema = z.array(scenarioSummarySchema);

export const scenarioCompareParamsSchema = z.strictObject({ id: idSchema, otherId: idSchema });

const comparedItemSchema = z.object({
  lineItemId: z.number().int(),
  title: z.string(),
  priority: z.enum(PRIORITIES),
  cut: moneySchema,
  impactIfCut: z.string(),
});

export const scenarioComparisonSchema = z.object({
  fiscalYear: z.number().int(),
  left: scenarioSummarySchema,
  right: scenarioSummarySchema,
  institutions: z.array(
    z.object({
      institutionCode: z.string(),
      before: moneySchema,
      leftAfter: moneySchema,
      rightAfter: moneySchema,
      leftItems: z.array(comparedItemSchema),
      rightItems: z.array(comparedItemSchema),
    }),
  ),
});
export type ScenarioComparison = z.infer<typeof scenarioComparisonSchema>;
