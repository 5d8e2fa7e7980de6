import { z } from 'zod';

/** Reference data as the API answers it. Lists answer plain JSON arrays. */

export const institutionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  isItc: z.boolean(),
});
export type Institution = z.infer<typeof institutionSchema>;

export const ekkCodeSchema = z.object({
  code: z.string(),
  parentCode: z.string().nullable(),
  nameLv: z.string(),
  nameEn: z.string(),
  level: z.number().int().min(1).max(4),
  selectable: z.boolean(),
  retired: z.boolean(),
});
export type EkkCode = z.infer<typeof ekkCodeSchema>;

export const goalSchema = z.object({
  code: z.string(),
  groupLv: z.string(),
  groupEn: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  actionDirectionCodes: z.array(z.string()),
});
export type Goal = z.infer<typeof goalSchema>;

export const actionDirectionSchema = z.object({
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  goalCodes: z.array(z.string()),
});
export type ActionDirection = z.infer<typeof actionDirectionSchema>;

export const ictServiceSchema = z.object({
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});
export type IctService = z.infer<typeof ictServiceSchema>;

export const informationSystemSchema = z.object({
  code: z.string(),
  name: z.string(),
  functionLv: z.string(),
  functionEn: z.string(),
  kind: z.string(),
  active: z.boolean(),
});
export type InformationSystem = z.infer<typeof informationSystemSchema>;

export const benchmarkSchema = z.object({
  indicator: z.string(),
  riga2015: z.string().nullable(),
  peerAverage: z.string().nullable(),
  unit: z.string(),
  source: z.string(),
});
export type Benchmark = z.infer<typeof benchmarkSchema>;

export const institutionListSchema = z.array(institutionSchema);
export const ekkCodeListSchema = z.array(ekkCodeSchema);
export const goalListSchema = z.array(goalSchema);
export const actionDirectionListSchema = z.array(actionDirectionSchema);
export const ictServiceListSchema = z.array(ictServiceSchema);
export const informationSystemListSchema = z.array(informationSystemSchema);
export const benchmarkListSchema = z.array(benchmarkSchema);

const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ekkCodeListQuerySchema = z.strictObject({
  /** Only codes a line item may use (leaves marked selectable). */
  selectable: queryFlag.optional(),
  /** Retired codes stay on old items; lists leave them out unless asked. */
  includeRetired: queryFlag.optional(),
  lang: z.enum(['lv', 'en']).optional(),
});
export type EkkCodeListQuery = z.infer<typeof ekkCodeListQuerySchema>;

/** Lists that take no filters still accept the language switch, and nothing else. */
export const plainListQuerySchema = z.strictObject({ lang: z.enum(['lv', 'en']).optional() });
