import { z } from 'zod';
import { ROLES } from './domain';
import { passwordSchema } from './user.schema';

export const loginInputSchema = z.strictObject({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export const userSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  institutionId: z.number().int().nullable(),
  institutionCode: z.string().nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({ user: userSchema });
export type Me = z.infer<typeof meSchema>;

/** A user's own password change: the current one proves it is them, the new one follows the rules. */
export const changePasswordInputSchema = z.strictObject({
  currentPassword: loginInputSchema.shape.password,
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInputSchema>;

/**
 * One of the signed-in user's sessions. `id` is a public id of its own, neither the cookie's token
 * nor its hash: knowing it lets its owner end the session, never use it.
 */
export const sessionSchema = z.object({
  id: z.uuid(),
  /** The session this very request came with. */
  current: z.boolean(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type Session = z.infer<typeof sessionSchema>;
export const sessionListSchema = z.array(sessionSchema);

export const sessionParamsSchema = z.strictObject({ id: z.uuid() });
