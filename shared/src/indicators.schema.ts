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

/** An indicator's benchmark figures (domain/benchmarks.csv); null where there are none. */
const benchmarkSchema = z
  .object({ riga2015: z.string().nullable(), peerAverage: z.string().nullable(), source: z.string() })
  .nullable();

export const indicatorSchema = z.object({
  indicator: z.enum(INDICATORS),
  /** Two decimals; null while an input it needs is missing or zero. */
  value: z.string().nullable(),
  unit: z.string(),
  previousYear: z.string().nullable(),
  benchmark: benchmarkSchema,
});

/**
 * The city's M6 figures of a cycle: what ITC, the council, the Finance Department (past `open`) and
 * an administrator see, and what everybody sees of an approved or closed cycle.
 */
export const indicatorsSchema = z.object({
  scope: z.literal('city'),
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

/**
 * What an institution lead sees of a cycle not yet approved: its own institution's ICT budget.
 * The city's total, the inputs and this cycle's ratios are left out (they add up every
 * institution's items and are not published yet); last year's ratios are there when last year's
 * cycle is approved, and the benchmarks always.
 */
export const institutionIndicatorsSchema = z.object({
  scope: z.literal('institution'),
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  institutionCode: z.string(),
  /** The institution's own ICT budget for the cycle's first fiscal year (items marked cut count zero). */
  institutionIctBudgetTotal: moneySchema,
  indicators: z.array(indicatorSchema.extend({ value: z.null() })),
});
export type InstitutionIndicators = z.infer<typeof institutionIndicatorsSchema>;

/** `GET /api/cycles/:id/indicators`: the city's figures, or a lead's own before they are published. */
export const indicatorsAnswerSchema = z.discriminatedUnion('scope', [indicatorsSchema, institutionIndicatorsSchema]);
export type IndicatorsAnswer = z.infer<typeof indicatorsAnswerSchema>;

/** The M6 cost indicators an institution has on its full cost (DESIGN §11): per user and per computer. */
export const FULL_COST_INDICATORS = ['ict_cost_per_user', 'ict_cost_per_computer'] as const;
export type FullCostIndicator = (typeof FULL_COST_INDICATORS)[number];

/**
 * `GET /api/cycles/:id/indicators/full-cost`: the ICT cost per user and per computer of each
 * institution on its **full** cost — its own sub-programmes plus what it is allocated of the
 * central sub-programme — for the cycle's first fiscal year, beside the median of the
 * institutions and the benchmarks. The figures are the full cost's own (`/full-cost`): the users
 * and computers are the quantities recorded for the services counted in users and workstations.
 * A lead gets its own institution's row, the medians and the benchmarks.
 */
export const fullCostIndicatorsSchema = z.object({
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  indicators: z.array(
    z.object({
      indicator: z.enum(FULL_COST_INDICATORS),
      unit: z.string(),
      /** The middle institution's value (two decimals); null while no institution has one. */
      median: moneySchema.nullable(),
      benchmark: benchmarkSchema,
    }),
  ),
  institutions: z.array(
    z.object({
      institutionCode: z.string(),
      name: z.string(),
      /** Its own sub-programmes' total, what it is allocated of the central one, and their sum. */
      own: moneySchema,
      allocated: moneySchema,
      full: moneySchema,
      /** Full cost ÷ its users / computers, to the cent; null where none are recorded. */
      values: z.object({ ict_cost_per_user: moneySchema.nullable(), ict_cost_per_computer: moneySchema.nullable() }),
    }),
  ),
});
export type FullCostIndicators = z.infer<typeof fullCostIndicatorsSchema>;
