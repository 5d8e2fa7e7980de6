import { z } from 'zod';
import { freeText } from './text.schema';

/** Reference data as the API answers it. Lists answer plain JSON arrays. */

export const institutionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  isItc: z.boolean(),
  active: z.boolean(),
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
  /**
   * The TBM cost pool the code itself is mapped to; absent when it is not (its nearest mapped
   * ancestor's applies, or none: unmapped). A change sends null to remove the mapping.
   */
  tbmCostPoolCode: z.string().optional(),
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

/** An entry of a catalogue named in both languages that can be taken out of use. */
const namedEntrySchema = z.object({
  code: z.string(),
  nameLv: z.string(),
  nameEn: z.string(),
  active: z.boolean(),
});

export const ictServiceSchema = namedEntrySchema.extend({
  /** The TBM technology resource tower the service belongs to; absent when unmapped (a change sends null to unmap). */
  tbmTowerCode: z.string().optional(),
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

/** A TBM cost pool or technology resource tower (DESIGN §11); `version` is what an edit's If-Match names. */
export const tbmCategorySchema = namedEntrySchema.extend({ version: z.number().int() });
export type TbmCategory = z.infer<typeof tbmCategorySchema>;

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
export const tbmCategoryListSchema = z.array(tbmCategorySchema);

const queryFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const ekkCodeListQuerySchema = z.strictObject({
  /** Only codes a line item may use (leaves marked selectable). */
  selectable: queryFlag.optional(),
  /** Retired codes stay on old items; lists leave them out unless asked. */
  includeRetired: queryFlag.optional(),
  lang: z.enum(['lv', 'en']).optional(),
});
export type EkkCodeListQuery = z.infer<typeof ekkCodeListQuerySchema>;

const nameField = freeText().trim().min(1).max(300);

/** A TBM cost pool's or tower's code: capitals and underscores, as the TBM taxonomy writes them (`END_USER`). */
const tbmCode = z.string().regex(/^[A-Z][A-Z_]{1,31}$/, 'tbm.format');
/** An EKK code's or a service's TBM mapping: a code, or null to leave it unmapped. */
const tbmMapping = tbmCode.nullable();

export const createEkkCodeInputSchema = z.strictObject({
  code: z.string().regex(/^\d{4}$/, 'ekk.format'),
  parentCode: z
    .string()
    .regex(/^\d{4}$/, 'ekk.format')
    .nullable(),
  nameLv: nameField,
  nameEn: nameField,
  selectable: z.boolean().default(true),
  tbmCostPoolCode: tbmMapping.optional(),
});
export type CreateEkkCodeInput = z.infer<typeof createEkkCodeInputSchema>;

/** Rename, mark selectable or not, retire (a retired code stays on the items that use it). */
export const updateEkkCodeInputSchema = z
  .strictObject({
    nameLv: nameField,
    nameEn: nameField,
    selectable: z.boolean(),
    retired: z.boolean(),
    tbmCostPoolCode: tbmMapping,
  })
  .partial();
export type UpdateEkkCodeInput = z.infer<typeof updateEkkCodeInputSchema>;

export const ekkCodeParamsSchema = z.strictObject({ code: z.string().regex(/^\d{4}$/, 'ekk.format') });
export const catalogueCodeParamsSchema = z.strictObject({ code: z.string().regex(/^[A-Za-z0-9_-]{1,30}$/) });

export const createIctServiceInputSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
  nameLv: nameField,
  nameEn: nameField,
  tbmTowerCode: tbmMapping.optional(),
});
export const updateIctServiceInputSchema = z
  .strictObject({ nameLv: nameField, nameEn: nameField, active: z.boolean(), tbmTowerCode: tbmMapping })
  .partial();
export type CreateIctServiceInput = z.infer<typeof createIctServiceInputSchema>;
export type UpdateIctServiceInput = z.infer<typeof updateIctServiceInputSchema>;

export const createInformationSystemInputSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,30}$/),
  name: nameField,
  functionLv: freeText().trim().max(1000),
  functionEn: freeText().trim().max(1000),
  kind: freeText().trim().min(1).max(40),
});
export const updateInformationSystemInputSchema = z
  .strictObject({
    name: nameField,
    functionLv: freeText().trim().max(1000),
    functionEn: freeText().trim().max(1000),
    kind: freeText().trim().min(1).max(40),
    active: z.boolean(),
  })
  .partial();
export type CreateInformationSystemInput = z.infer<typeof createInformationSystemInputSchema>;
export type UpdateInformationSystemInput = z.infer<typeof updateInformationSystemInputSchema>;

export const createInstitutionInputSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-zĀ-ž0-9]{1,16}$/, 'institution.format'),
  nameLv: nameField,
  nameEn: nameField,
});
export const updateInstitutionInputSchema = z
  .strictObject({ nameLv: nameField, nameEn: nameField, active: z.boolean() })
  .partial();
export type CreateInstitutionInput = z.infer<typeof createInstitutionInputSchema>;
export type UpdateInstitutionInput = z.infer<typeof updateInstitutionInputSchema>;

export const tbmCategoryParamsSchema = z.strictObject({ code: tbmCode });
export const createTbmCategoryInputSchema = z.strictObject({ code: tbmCode, nameLv: nameField, nameEn: nameField });
/** Rename, or deactivate (a deactivated pool or tower stays on what names it, and cannot be newly assigned). */
export const updateTbmCategoryInputSchema = z
  .strictObject({ nameLv: nameField, nameEn: nameField, active: z.boolean() })
  .partial();
export type CreateTbmCategoryInput = z.infer<typeof createTbmCategoryInputSchema>;
export type UpdateTbmCategoryInput = z.infer<typeof updateTbmCategoryInputSchema>;
