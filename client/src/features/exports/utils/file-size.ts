import { formatDecimal } from '../../../i18n/format';
import type { Language } from '../../../i18n/language';

const KIB = 1024;
const MIB = 1024 * 1024;

export type SizeUnit = 'kB' | 'MB';

/** The unit a size is best read in: kilobytes below a megabyte (a workbook is often tens of kB), megabytes above. */
export function sizeUnit(bytes: number): SizeUnit {
  return bytes < MIB ? 'kB' : 'MB';
}

/**
 * A byte count as a figure in the reader's form in the given unit, without the unit ("15" of
 * "15 no 31 kB"): whole kilobytes (anything above nothing is at least 1, so a small file is never
 * "0 kB"), megabytes to one decimal ("2,4").
 */
export function sizeFigure(bytes: number, language: Language, unit: SizeUnit): string {
  if (unit === 'kB') return formatDecimal(String(bytes === 0 ? 0 : Math.max(1, Math.round(bytes / KIB))), language);
  return formatDecimal((Math.round((bytes / MIB) * 10) / 10).toFixed(1), language);
}

/** A byte count with its unit: "31 kB", "2,4 MB". */
export function formatSize(bytes: number, language: Language, unit: SizeUnit = sizeUnit(bytes)): string {
  return `${sizeFigure(bytes, language, unit)}\u00a0${unit}`;
}
