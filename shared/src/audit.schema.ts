import { z } from 'zod';
import { freeText } from './text.schema';

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditEventListSchema = z.array(auditEventSchema);

export const auditQuerySchema = z.strictObject({
  entityType: freeText().max(50).optional(),
  entityId: freeText().max(50).optional(),
  actorId: z.coerce.number().int().positive().optional(),
  /** What was done, e.g. `cycle.transition`. */
  action: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** The next page: only events older than this one (the id of the last event of the page before). */
  beforeId: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, 'id.format')
    .optional(),
  lang: z.enum(['lv', 'en']).optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
