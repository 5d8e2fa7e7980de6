import { z } from 'zod';
import { fiscalYearQuerySchema } from './common.schema';
import { QUANTITY_PATTERN } from './line-item.schema';
import { moneySchema } from './money';

/**
 * The full cost of ICT per institution: its own sub-programmes plus its share of the ITC central
 * sub-programme's services, allocated by what it consumes (or by the shares its items name).
 */

/** The driver unit that means "the items name their beneficiaries" instead of a quantity. */
export const DIRECT_DRIVER = 'direct';

const serviceCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, 'catalogueCode.format');
const institutionCode = z.string().trim().min(1).max(16);
const fiscalYear = z.number().int().min(2000).max(2202);
/** A quantity on the wire: a decimal string ≥ 0 with at most three decimals. */
const quantitySchema = z.string().regex(QUANTITY_PATTERN, 'quantity.format');
const unitName = z.string().trim().min(1).max(80);

export const serviceDriverInputSchema = z.strictObject({
  serviceCode,
  unitLv: unitName,
  /** `direct`: the service's items name their beneficiary institutions and shares. */
  unitEn: unitName,
});
export type ServiceDriverInput = z.infer<typeof serviceDriverInputSchema>;
export const serviceDriversInputSchema = z.array(serviceDriverInputSchema).max(500);

/** An ICT service as answers name it: its code, name and driver unit (none yet: null). */
const serviceWithUnit = z.object({
  serviceCode: z.string(),
  name: z.string(),
  unitLv: z.string().nullable(),
  unitEn: z.string().nullable(),
});

export const serviceDriversSchema = z.object({
  cycleId: z.number().int(),
  /** The version of the cycle's drivers and consumption together (ETag, If-Match). */
  version: z.number().int(),
  /** Every active ICT service of the catalogue, with its driver or none yet. */
  services: z.array(
    serviceWithUnit.extend({
      direct: z.boolean(),
      tbmTowerCode: z.string().nullable(),
    }),
  ),
});
export type ServiceDrivers = z.infer<typeof serviceDriversSchema>;

export const serviceConsumptionRowSchema = z.strictObject({
  serviceCode,
  institutionCode,
  fiscalYear,
  quantity: quantitySchema,
});
export type ServiceConsumptionRow = z.infer<typeof serviceConsumptionRowSchema>;
export const serviceConsumptionInputSchema = z.array(serviceConsumptionRowSchema).max(20000);

export const serviceConsumptionQuerySchema = z.strictObject({
  fiscalYear: fiscalYearQuerySchema,
  lang: z.enum(['lv', 'en']).optional(),
});

export const serviceConsumptionSchema = z.object({
  cycleId: z.number().int(),
  version: z.number().int(),
  rows: z.array(serviceConsumptionRowSchema),
});
export type ServiceConsumption = z.infer<typeof serviceConsumptionSchema>;

/**
 * The stages a full cost is computed at. Today an item has one set of amounts (the institution's
 * request, as reviewed); the proposal and adopted stages come with the stages of the budget.
 */
export const FULL_COST_STAGES = ['request'] as const;

export const fullCostQuerySchema = z.strictObject({
  stage: z.enum(FULL_COST_STAGES).default('request'),
  /** One of the cycle's fiscal years; its first when left out. */
  fiscalYear: fiscalYearQuerySchema,
  lang: z.enum(['lv', 'en']).optional(),
});
export type FullCostQuery = z.infer<typeof fullCostQuerySchema>;

/** A rate, not money: euro per unit of a driver, four decimals. */
const rateSchema = z.string().regex(/^\d+\.\d{4}$/);

export const fullCostInstitutionSchema = z.object({
  institutionCode: z.string(),
  name: z.string(),
  /** Its own sub-programmes' total (the central sub-programme is nobody's own: it is allocated). */
  own: moneySchema,
  /** Its share of the central sub-programme, all services together. */
  allocated: moneySchema,
  /** own + allocated. */
  full: moneySchema,
  byService: z.array(
    z.object({
      serviceCode: z.string(),
      /** What it consumed, in the service's driver unit; null for a directly attributed amount. */
      quantity: z.string().nullable(),
      unitCost: rateSchema.nullable(),
      amount: moneySchema,
    }),
  ),
  /** Full cost per workstation / per user it consumes (two decimals); null without any. */
  perWorkstation: moneySchema.nullable(),
  perUser: moneySchema.nullable(),
  /** The same institution's full cost last year (the base cycle's); null without one. */
  previousYearFull: moneySchema.nullable(),
  change: z.string().nullable(),
  changePercent: z.string().nullable(),
});
export type FullCostInstitution = z.infer<typeof fullCostInstitutionSchema>;

export const priceListEntrySchema = z.object({
  serviceCode: z.string(),
  name: z.string(),
  unitLv: z.string().nullable(),
  unitEn: z.string().nullable(),
  direct: z.boolean(),
  /** The service's cost and the quantity consumed city-wide: ITC and the council only (null for a lead). */
  cost: moneySchema.nullable(),
  quantity: z.string().nullable(),
  /** cost ÷ quantity; null for a direct service or one nobody consumes. */
  unitCost: rateSchema.nullable(),
  previousUnitCost: rateSchema.nullable(),
});
export type PriceListEntry = z.infer<typeof priceListEntrySchema>;

export const fullCostSchema = z.object({
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  stage: z.enum(FULL_COST_STAGES),
  /** Every institution with an own total, an allocation or a consumption; a lead: its own only. */
  institutions: z.array(fullCostInstitutionSchema),
  /** Central cost no consumption or share carries (a service nobody consumes, an item naming no service). */
  unallocated: z.array(z.object({ serviceCode: z.string(), name: z.string(), amount: moneySchema })),
  priceList: z.array(priceListEntrySchema),
  /** The median per workstation / per user of all institutions with a figure. */
  medians: z.object({ perWorkstation: moneySchema.nullable(), perUser: moneySchema.nullable() }),
  /** Σ full + Σ unallocated: the consolidated grand total of the same year (null for a lead). */
  total: moneySchema.nullable(),
});
export type FullCost = z.infer<typeof fullCostSchema>;

export const billParamsSchema = z.strictObject({
  id: z.coerce.number().int().positive().max(2147483647),
  code: z
    .string()
    .trim()
    .min(1)
    .max(16)
    .regex(/^[\p{L}\p{N}]+$/u, 'institution.format'),
});

/**
 * The bill of IT of one institution for one fiscal year: what it consumed of each central service
 * × the unit cost, beside its own items — the same figures as its row of the full cost.
 */
export const billSchema = z.object({
  cycleId: z.number().int(),
  fiscalYear: z.number().int(),
  stage: z.enum(FULL_COST_STAGES),
  institution: fullCostInstitutionSchema,
  /** The services it was allocated, with their names and driver units. */
  services: z.array(
    serviceWithUnit.extend({
      quantity: z.string().nullable(),
      unitCost: rateSchema.nullable(),
      previousUnitCost: rateSchema.nullable(),
      amount: moneySchema,
    }),
  ),
  /** Its own items of the year (cut items count zero and are left out), adding up to `institution.own`. */
  ownItems: z.array(
    z.object({
      lineItemId: z.number().int(),
      subProgrammeCode: z.string(),
      title: z.string(),
      ekkCode: z.string(),
      ictServiceCode: z.string().nullable(),
      amount: moneySchema,
    }),
  ),
  medians: z.object({ perWorkstation: moneySchema.nullable(), perUser: moneySchema.nullable() }),
});
export type Bill = z.infer<typeof billSchema>;
