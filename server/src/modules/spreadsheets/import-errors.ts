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

export const FILE_MESSAGES = {
  noFile: {
    lv: 'Pievienojiet vienu .xlsx failu (multipart/form-data, lauks “file”).',
    en: 'Attach one .xlsx file (multipart/form-data, field “file”).',
  },
  tooLarge: (megabytes: number) => ({
    lv: `Fails ir lielāks par ${megabytes} MB.`,
    en: `The file is larger than ${megabytes} MB.`,
  }),
  notXlsx: {
    lv: 'Fails nav Excel darbgrāmata (.xlsx). Saglabājiet to kā “Excel darbgrāmata (*.xlsx)” un mēģiniet vēlreiz.',
    en: 'The file is not an Excel workbook (.xlsx). Save it as “Excel Workbook (*.xlsx)” and try again.',
  },
  macros: {
    lv: 'Darbgrāmatas ar makro (.xlsm) netiek pieņemtas. Saglabājiet to kā “Excel darbgrāmata (*.xlsx)” bez makro.',
    en: 'Workbooks with macros (.xlsm) are not accepted. Save it as “Excel Workbook (*.xlsx)” without macros.',
  },
  unpackedTooLarge: (megabytes: number) => ({
    lv: `Atpakotā darbgrāmata pārsniegtu ${megabytes} MB — tā netiek apstrādāta.`,
    en: `Unpacked, the workbook would exceed ${megabytes} MB — it is not processed.`,
  }),
  tooManyParts: {
    lv: 'Darbgrāmatā ir pārāk daudz daļu — tā netiek apstrādāta.',
    en: 'The workbook has too many parts — it is not processed.',
  },
  damaged: {
    lv: 'Darbgrāmatu nevar nolasīt: fails ir bojāts.',
    en: 'The workbook cannot be read: the file is damaged.',
  },
  tooManyRows: (rows: number) => ({
    lv: `Vienā importā var būt ne vairāk kā ${rows} pozīciju rindas. Sadaliet failu vairākos.`,
    en: `One import may hold at most ${rows} item rows. Split the file into several.`,
  }),
  tooMuchContent: {
    lv: 'Darbgrāmatā ir vairāk datu, nekā var apstrādāt vienā importā. Sadaliet failu vairākos.',
    en: 'The workbook holds more data than one import can process. Split the file into several.',
  },
  rejected: {
    lv: 'Importu nevar veikt: nekas netika mainīts. Izlabojiet norādītās vietas un mēģiniet vēlreiz.',
    en: 'The import cannot be applied: nothing was changed. Correct the places listed and try again.',
  },
} as const;

/** "12 rakstzīmes", "21 rakstzīme": Latvian takes the singular after a number ending in 1 (not 11). */
function characters(count: number): string {
  const singular = count % 10 === 1 && count % 100 !== 11;
  return `${count} ${singular ? 'rakstzīme' : 'rakstzīmes'}`;
}

/** A cell whose text is longer than any field takes (workbook-reader.ts reads only its length). */
export const CELL_MESSAGES = {
  overlong: (length: number, longest: number) => ({
    lv: `Šūnā ir ${characters(length)} — vairāk, nekā pieņem jebkurš lauks (ne vairāk kā ${characters(longest)})`,
    en: `The cell holds ${length} characters — more than any field takes (at most ${longest} characters)`,
  }),
  /** Too long even to be read through: the rest of the workbook was not read. */
  farTooLong: (chars: number, longest: number) => ({
    lv: `Šūnā ir vairāk nekā ${characters(chars)} — vairāk, nekā pieņem jebkurš lauks (ne vairāk kā ${characters(longest)}); pārējā darbgrāmata netika nolasīta`,
    en: `The cell holds more than ${chars} characters — more than any field takes (at most ${longest} characters); the rest of the workbook was not read`,
  }),
} as const;
