import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['up', 'down']),
  databaseKind: z.enum(['postgres', 'pglite']),
});
export type Health = z.infer<typeof healthSchema>;
