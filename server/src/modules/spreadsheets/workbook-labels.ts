import type { Language } from '@ikt/shared/messages';
import type { Indicators } from '@ikt/shared/indicators.schema';
import { wordsUnder } from '../../messages/message';

/**
 * Every word a workbook shows, in both languages (Latvian is the default), from the message
 * catalogue (server/src/messages, codes `workbook.*`).
 */
export const SHEET_NAMES = wordsUnder('workbook.sheet.');

export const LABELS = wordsUnder('workbook.label.');

/** The indicators' names: one for each indicator. */
export const INDICATOR_LABELS: Record<
  Indicators['indicators'][number]['indicator'],
  Record<Language, string>
> = wordsUnder('workbook.indicator.');

/** The item sheet's headings; also what the import recognises, in either language. */
export const ITEM_HEADERS = wordsUnder('workbook.column.');

/** An amount column's heading: the fiscal year and the currency. */
export function amountHeader(year: number): string {
  return `${year}, EUR`;
}

/** The instructions sheet of the import template, one line a row. */
export function instructions(language: Language): string[] {
  return Object.values(wordsUnder('workbook.instruction.')).map((line) => line[language]);
}
