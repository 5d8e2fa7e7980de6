import { importRejectionSchema, type ImportProblem } from '@ikt/shared/spreadsheet.schema';
import { ApiError } from '../../../api/client';

/** An import the server refused after reading the rows: every problem, located. */
export interface ImportRejection {
  /** The server's sentence for the whole refusal (nothing was changed). */
  detail: string | undefined;
  problems: ImportProblem[];
  /** Some rows changed on the server since the workbook was downloaded. */
  hasConflicts: boolean;
}

/** The located problems of a refused import, or undefined when the failure is of another kind (a bad file, the network). */
export function importRejection(error: unknown): ImportRejection | undefined {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 409)) return undefined;
  const parsed = importRejectionSchema.safeParse(error.body);
  if (!parsed.success) return undefined;
  const problems = [...parsed.data.problems].sort(
    (a, b) => a.sheet.localeCompare(b.sheet) || (a.row ?? 0) - (b.row ?? 0) || columnOrder(a.column, b.column),
  );
  return {
    detail: parsed.data.detail,
    problems,
    hasConflicts: problems.some((problem) => problem.kind === 'conflict'),
  };
}

/** Spreadsheet column letters in their order: B before AA. */
function columnOrder(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x.length - y.length || x.localeCompare(y);
}
