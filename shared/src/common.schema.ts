import { z } from 'zod';

/** `/:id` path parameters: a positive integer, refused as 400 otherwise. */
export const idParamsSchema = z.strictObject({ id: z.coerce.number().int().positive().max(2147483647) });

/** Every route accepts the language switch in its query and nothing else unless it says so. */
export const langQuerySchema = z.strictObject({ lang: z.enum(['lv', 'en']).optional() });
