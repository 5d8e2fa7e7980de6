import { z } from 'zod';
import { problemSchema } from './problem.schema';

/** Workbook downloads take the language switch only (Latvian labels by default). */
export const exportQuerySchema = z.strictObject({ lang: z.enum(['lv', 'en']).optional() });

/** `?dryRun=true` checks and reports without changing anything. */
export const importQuerySchema = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  lang: z.enum(['lv', 'en']).optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const IMPORT_PROBLEM_KINDS = [
  /** The value breaks a rule of the line item schemas or names unknown reference data. */
  'invalid',
  /** The item changed on the server since the workbook was exported. */
  'conflict',
  /** The item cannot be changed now (cycle, sub-programme or item status). */
  'not-editable',
  /** The id names no item of this sub-programme. */
  'not-found',
  /** The workbook itself: a missing sheet or column. */
  'layout',
] as const;
export type ImportProblemKind = (typeof IMPORT_PROBLEM_KINDS)[number];

/** One problem, located as a spreadsheet user finds it: sheet, row number, column letter and heading. */
export const importProblemSchema = z.object({
  kind: z.enum(IMPORT_PROBLEM_KINDS),
  sheet: z.string(),
  /** The row number in the sheet; null for a problem of the whole sheet. */
  row: z.number().int().nullable(),
  /** The column letter (`E`); null for a problem of the whole row. */
  column: z.string().nullable(),
  /** The column's heading as written in the sheet. */
  columnName: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

/**
 * A refused import: a problem+json body (422, or 409 when every problem is a conflict) whose
 * `errors` give each problem as `Sheet!E12` and whose `problems` give it located in full.
 */
export const importRejectionSchema = problemSchema.extend({ problems: z.array(importProblemSchema) });
export type ImportRejection = z.infer<typeof importRejectionSchema>;

export const importedRowSchema = z.object({
  row: z.number().int(),
  /** The item's id (for a created item: its new id, or null in a dry run). */
  id: z.number().int().nullable(),
  title: z.string(),
  /** The fields that change (line item field names, e.g. `amounts`, `ekkCode`). */
  fields: z.array(z.string()),
});
export type ImportedRow = z.infer<typeof importedRowSchema>;

export const importResultSchema = z.object({
  subProgrammeId: z.number().int(),
  dryRun: z.boolean(),
  /** True when the changes were saved (never in a dry run). */
  applied: z.boolean(),
  /** Item rows read from the sheet (blank rows are skipped). */
  rows: z.number().int(),
  created: z.array(importedRowSchema),
  updated: z.array(importedRowSchema),
  unchanged: z.array(importedRowSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/**
 * With `Accept: application/x-ndjson` the import answers a stream of these, one JSON object a
 * line: progress while it reads, checks and applies, then one `result` (status 200 or 4xx).
 */
export const importProgressEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    stage: z.enum(['read', 'check', 'apply']),
    done: z.number().int(),
    total: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('result'),
    status: z.number().int(),
    body: z.union([importResultSchema, importRejectionSchema, problemSchema]),
  }),
]);
export type ImportProgressEvent = z.infer<typeof importProgressEventSchema>;

/** What a consumption import (`POST /cycles/:id/service-consumption.xlsx`) answers. */
export const consumptionImportResultSchema = z.object({
  cycleId: z.number().int(),
  dryRun: z.boolean(),
  /** True when the rows were saved (never in a dry run). */
  applied: z.boolean(),
  /** Rows with a quantity read from the sheet (rows with none are left out). */
  rows: z.number().int(),
  /** The services whose consumption the rows replace (or would, in a dry run). */
  services: z.array(z.string()),
  /** The allocation basis version after the import (the next If-Match). */
  version: z.number().int(),
});
export type ConsumptionImportResult = z.infer<typeof consumptionImportResultSchema>;
