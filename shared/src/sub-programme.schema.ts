import { z } from 'zod';
import { SUB_PROGRAMME_KINDS, SUB_PROGRAMME_STATUSES } from './domain';
import { amountsSchema } from './line-item.schema';
import { freeText } from './text.schema';

export const subProgrammeSchema = z.object({
  id: z.number().int(),
  cycleId: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(SUB_PROGRAMME_KINDS),
  institutionId: z.number().int(),
  institutionCode: z.string(),
  status: z.enum(SUB_PROGRAMME_STATUSES),
  version: z.number().int(),
  /** Per fiscal year; items marked `cut` count zero. */
  totals: amountsSchema,
});
export type SubProgramme = z.infer<typeof subProgrammeSchema>;
export const subProgrammeListSchema = z.array(subProgrammeSchema);

/** `ĪD` → `ID`, `DzMPK` → `DZMPK`: letters without diacritics, in capitals. */
const folded = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/** What every sub-programme code of an institution begins with, as the seed data writes it: `IKT.IKSD.`. */
export function subProgrammeCodePrefix(institutionCode: string): string {
  return `IKT.${folded(institutionCode)}.`;
}

/**
 * A sub-programme code belongs to its institution: `IKT.<institution code>.<more>`, the
 * institution code in any case, with or without its diacritics (`IKT.ĪD.02`, `IKT.ID.02`). So no
 * institution can take another's code, nor learn from a conflict which codes another has.
 */
export function isSubProgrammeCodeOf(code: string, institutionCode: string): boolean {
  const prefix = subProgrammeCodePrefix(institutionCode);
  const candidate = folded(code);
  return candidate.startsWith(prefix) && candidate.length > prefix.length;
}

export const createSubProgrammeInputSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9ĀČĒĢĪĶĻŅŠŪŽāčēģīķļņšūž._-]{1,40}$/, 'code.format'),
  name: freeText().trim().min(1).max(300),
  kind: z.enum(SUB_PROGRAMME_KINDS).default('institution'),
  /** Only ITC chooses; an institution lead's sub-programmes are always its own institution's. */
  institutionId: z.number().int().positive().optional(),
});
export type CreateSubProgrammeInput = z.infer<typeof createSubProgrammeInputSchema>;

export const updateSubProgrammeInputSchema = z.strictObject({ name: freeText().trim().min(1).max(300) }).partial();
export type UpdateSubProgrammeInput = z.infer<typeof updateSubProgrammeInputSchema>;

export const returnInputSchema = z.strictObject({ comment: freeText().trim().min(1).max(5000) });
export const acceptInputSchema = z.strictObject({ comment: freeText().trim().max(5000).optional() });

/** Submit refused: every problem of every item at once. */
export const submitProblemSchema = z.object({
  lineItemId: z.number().int().nullable(),
  title: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});
export type SubmitProblem = z.infer<typeof submitProblemSchema>;

export const fieldChangeSchema = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export const subProgrammeChangesSchema = z.object({
  subProgrammeId: z.number().int(),
  /** When the submission compared against was made; null if there was none. */
  since: z.string().nullable(),
  until: z.string().nullable(),
  added: z.array(z.object({ lineItemId: z.number().int(), title: z.string() })),
  removed: z.array(z.object({ lineItemId: z.number().int(), title: z.string() })),
  changed: z.array(z.object({ lineItemId: z.number().int(), title: z.string(), changes: z.array(fieldChangeSchema) })),
});
export type SubProgrammeChanges = z.infer<typeof subProgrammeChangesSchema>;
