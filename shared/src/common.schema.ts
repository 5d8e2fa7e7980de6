import { z } from 'zod';

/**
 * A database id in a path: decimal digits only (no `1e1`, `0x10` or spaces), positive, within
 * INTEGER — refused as 400 otherwise.
 */
export const idSchema = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'id.format')
  .transform(Number)
  .refine((id) => id <= 2147483647, 'id.format');

export const idParamsSchema = z.strictObject({ id: idSchema });

/** Every route accepts the language switch in its query and nothing else unless it says so. */
export const langQuerySchema = z.strictObject({ lang: z.enum(['lv', 'en']).optional() });

/** A fiscal year in a query (`?fiscalYear=2027`), as a number; when left out, the route takes the cycle's first. */
export const fiscalYearQuerySchema = z
  .string()
  .regex(/^\d{4}$/, 'fiscalYear.format')
  .transform(Number)
  .optional();
