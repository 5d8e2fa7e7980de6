import type { ImportProblem } from '@ikt/shared/spreadsheet.schema';
import { DomainError, type Localized } from '../../errors';

/** A file over a size limit, packed or unpacked (413). */
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly slug = 'too-large';
}

/** Not an xlsx workbook, or one with macros (415). */
export class UnsupportedFileError extends DomainError {
  readonly status = 415;
  readonly slug = 'unsupported-file';
}

/** The workbook was read, and its rows cannot be applied: every problem, located (422, or 409 for conflicts only). */
export class ImportRejectedError extends DomainError {
  readonly slug = 'import-rejected';
  readonly status: number;

  constructor(
    detail: Localized,
    readonly problems: ImportProblem[],
  ) {
    super(
      detail,
      problems.map((p) => ({
        path: `${p.sheet}${p.row === null ? '' : `!${p.column ?? ''}${p.row}`}`,
        message: p.columnName ? `${p.columnName}: ${p.message}` : p.message,
      })),
    );
    this.status = problems.length > 0 && problems.every((p) => p.kind === 'conflict') ? 409 : 422;
  }

  override get extensions(): Record<string, unknown> {
    return { problems: this.problems };
  }
}
