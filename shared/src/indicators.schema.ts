import { z } from 'zod';
import { moneySchema, moneyStringSchema } from './money';

const count = z.number().int().min(0).max(10_000_000);

export const indicatorInputsSchema = z.strictObject({
  municipalBudgetTotal: moneyStringSchema,
  ictUsers: count,
  computers: count,
  itStaff: count,
});
export type IndicatorInputs = z.infer<typeof indicatorInputsSchema>;

export const INDICATORS = [
  'ict_central_budget_share',
  'ict_cost_per_user',
  'ict_cost_per_computer',
  'users_per_it_staff',
] as const;

export const indicatorSchema = z.object({
  indicator: z.enum(INDICATORS),
  /** Two decimals; null while an input it needs is missing or zero. */
  value: z.string().nullable(),
  unit: z.string(),
  previousYear: z.string().nullable(),
  benchmark: z
    .object({ riga2015: z.string().nullable(), peerAverage: z.string().nullable(), source: z.string() })
    .nullable(),
});

export const indicatorsSchema = z.object({
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  /** The cycle's ICT budget for its first fiscal year (items marked cut count zero). */
  ictBudgetTotal: moneySchema,
  inputs: z.object({
    municipalBudgetTotal: moneySchema.nullable(),
    ictUsers: z.number().int().nullable(),
    computers: z.number().int().nullable(),
    itStaff: z.number().int().nullable(),
  }),
  indicators: z.array(indicatorSchema),
});
export type Indicators = z.infer<typeof indicatorsSchema>;
