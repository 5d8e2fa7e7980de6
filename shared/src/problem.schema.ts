import { z } from 'zod';

/** RFC 9457 problem details, the body of every error answer. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** A problem's `type` names what went wrong, by a short slug. */
export const problemType = (slug: string) => `urn:ikt-budzets:problem:${slug}`;
