import ExcelJS from 'exceljs';
import type { Language } from '@ikt/shared/messages';
import { say } from '../../messages/message';
import { LABELS } from './workbook-labels';
import { STYLE, fillRow, printSetup } from './xlsx-cells';

/** When and by whom (the name shown) a workbook was exported. */
export interface Exported {
  at: Date;
  by: string;
}

/** Who exported what and when: the title block of every sheet and the workbook's properties. */
export interface ExportHeading {
  language: Language;
  /** The first line of every sheet, e.g. "Konsolidētais IKT budžets — IKT budžets 2027–2029". */
  title: string;
  /** One line under the title: cycle, status and the like. */
  context: string;
  /** The workbook's subject and keywords properties. */
  subject: string;
  keywords: string;
  exported: Exported;
}

export function formatTimestamp(at: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'lv' ? 'lv-LV' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Riga',
  }).format(at);
}

/** The streaming writer (flat memory whatever the number of rows), writing to a file. */
export function openWorkbook(filename: string, heading: ExportHeading): ExcelJS.stream.xlsx.WorkbookWriter {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: true, useSharedStrings: false });
  workbook.creator = 'IKT budžets';
  workbook.lastModifiedBy = heading.exported.by;
  workbook.title = heading.title;
  workbook.subject = heading.subject;
  workbook.keywords = heading.keywords;
  workbook.category = say('workbook.category', heading.language);
  workbook.description = `${LABELS.exportedAt[heading.language]}: ${formatTimestamp(heading.exported.at, heading.language)}; ${LABELS.exportedBy[heading.language]}: ${heading.exported.by}`;
  // Written to the core properties, though the streaming writer's typings leave it out.
  (workbook as unknown as { language: string }).language = heading.language === 'lv' ? 'lv-LV' : 'en-GB';
  workbook.created = heading.exported.at;
  workbook.modified = heading.exported.at;
  return workbook;
}

export interface SheetLayout {
  /** The heading row: frozen, repeated on every printed page, where the autofilter starts (0: none). */
  headerRow: number;
  /** Columns left of this one stay in view when scrolling sideways (0: none). */
  frozenColumns?: number;
  widths: readonly number[];
}

/**
 * A worksheet written row by row: each row is committed (flushed to the file) as soon as it is
 * complete. Views and page setup must be known before the first row — the writer streams.
 */
export class SheetWriter {
  readonly sheet: ExcelJS.Worksheet;
  private next = 1;

  constructor(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, layout: SheetLayout) {
    const frozen = layout.headerRow > 0 || (layout.frozenColumns ?? 0) > 0;
    this.sheet = workbook.addWorksheet(name, {
      views: frozen
        ? [{ state: 'frozen', xSplit: layout.frozenColumns ?? 0, ySplit: layout.headerRow }]
        : [{ state: 'normal' }],
      pageSetup: printSetup(layout.headerRow),
      properties: { defaultRowHeight: 15 },
    });
    this.sheet.columns = layout.widths.map((width) => ({ width }));
  }

  /** The number the next row will get. */
  get rowNumber(): number {
    return this.next;
  }

  row(cells: readonly (readonly [ExcelJS.CellValue, Partial<ExcelJS.Style>])[], firstColumn = 1): number {
    const number = this.next++;
    const row = this.sheet.getRow(number);
    fillRow(row, cells, firstColumn);
    row.commit();
    return number;
  }

  /** Writes a row through a callback (for rows with many computed cells). */
  rowWith(write: (row: ExcelJS.Row) => void): number {
    const number = this.next++;
    const row = this.sheet.getRow(number);
    write(row);
    row.commit();
    return number;
  }

  blank(): void {
    this.next++;
  }

  /** Rows 1–3: title, context, exported at and by. */
  titleBlock(heading: ExportHeading): void {
    this.row([[heading.title, STYLE.title]]);
    this.row([[heading.context, STYLE.meta]]);
    const language = heading.language;
    this.row([
      [
        `${LABELS.exportedAt[language]}: ${formatTimestamp(heading.exported.at, language)} · ${LABELS.exportedBy[language]}: ${heading.exported.by}`,
        STYLE.meta,
      ],
    ]);
  }

  header(labels: readonly string[], readOnly: readonly boolean[] = []): number {
    return this.row(labels.map((label, i) => [label, readOnly[i] ? STYLE.headerReadOnly : STYLE.header] as const));
  }

  /**
   * Waits while the rows written so far still wait to be compressed. exceljs's streaming writer
   * takes rows faster than it zips them and buffers the rest without limit; pausing here after
   * each page of items is what keeps memory flat for 100,000 rows.
   */
  async drain(limit = 2 * 1024 * 1024): Promise<void> {
    const stream = (this.sheet as unknown as { stream: BufferedStream }).stream;
    while (backlogOf(stream) > limit) await new Promise((resolve) => setTimeout(resolve, 2));
  }

  autoFilter(from: string, to: string): void {
    this.sheet.autoFilter = { from, to };
  }

  commit(): void {
    this.sheet.commit();
  }
}

/** exceljs's StreamBuf: its own buffers, and the stream it writes into (archiver's, from readable-stream). */
interface BufferedStream {
  buffers?: { length: number }[];
  pipes?: { _writableState?: { length: number }; _readableState?: { length: number } }[];
}

function backlogOf(stream: BufferedStream): number {
  const own = (stream.buffers ?? []).reduce((sum, buffer) => sum + buffer.length, 0);
  const piped = (stream.pipes ?? []).reduce(
    (sum, pipe) => sum + (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0),
    0,
  );
  return own + piped;
}
