import type { ApiFieldError } from '../../../api/client';
import { fieldPath } from '../../../api/problem-fields';
import { pasteFieldOfPath, type PasteField } from './paste-rows';

/** One problem the server found with a pasted row. */
export interface RowServerProblem {
  /** The column it concerns, when the row has one for it. */
  field: PasteField | undefined;
  /** The API field path within the item (`ekkCode`, `amounts.2027`, `goalCodes.M9`). */
  path: string;
  /** In the language the request was made in. */
  message: string;
}

export interface BatchProblems {
  byRow: Map<number, RowServerProblem[]>;
  /** Problems that name no item sent (the request as a whole). */
  other: ApiFieldError[];
}

const ITEM_PATH = /^items\.(\d+)(?:\.(.*))?$/;

/**
 * The problems of a refused batch (`items.<index>.<field>`) by the pasted row each concerns:
 * `sourceRows[index]` is the row the item at that index was read from.
 */
export function problemsByRow(errors: readonly ApiFieldError[], sourceRows: readonly number[]): BatchProblems {
  const byRow = new Map<number, RowServerProblem[]>();
  const other: ApiFieldError[] = [];
  for (const error of errors) {
    const match = ITEM_PATH.exec(fieldPath(error.path));
    const row = match ? sourceRows[Number(match[1])] : undefined;
    if (!match || row === undefined) {
      other.push(error);
      continue;
    }
    const path = match[2] ?? '';
    const problems = byRow.get(row) ?? [];
    problems.push({ field: pasteFieldOfPath(path), path, message: error.message });
    byRow.set(row, problems);
  }
  return { byRow, other };
}
