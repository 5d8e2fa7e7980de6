import { z } from 'zod';
import { ROLES } from './domain';
import { freeText } from './text.schema';

/** A password an administrator sets; long enough to resist guessing, short enough to hash. */
export const passwordSchema = z.string().min(12).max(256);

export const createUserInputSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  name: freeText().trim().min(1).max(200),
  role: z.enum(ROLES),
  institutionId: z.number().int().positive().nullable().default(null),
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInputSchema>;

export const updateUserInputSchema = z
  .strictObject({
    name: freeText().trim().min(1).max(200),
    role: z.enum(ROLES),
    institutionId: z.number().int().positive().nullable(),
    active: z.boolean(),
    password: passwordSchema,
  })
  .partial();
export type UpdateUserInput = z.infer<typeof updateUserInputSchema>;
