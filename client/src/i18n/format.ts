import type { Language } from './language';

/**
 * Shows a decimal string from the API ("1.8") in the reader's form ("1,8" in Latvian) without
 * turning it into a number, so nothing is lost or rounded on the way.
 */
export function formatDecimal(value: string, language: Language): string {
  const negative = value.startsWith('-');
  const [integerPart = '0', fraction] = value.replace('-', '').split('.');
  const separator = language === 'lv' ? '\u00a0' : ',';
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  const decimalMark = language === 'lv' ? ',' : '.';
  return `${negative ? '−' : ''}${grouped}${fraction ? decimalMark + fraction : ''}`;
}

/** A clock time (hours and minutes, 24-hour in both languages, as read in Riga) in the reader's form. */
export function formatTime(date: Date, language: Language): string {
  return new Intl.DateTimeFormat(language === 'lv' ? 'lv-LV' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'Europe/Riga',
  }).format(date);
}

/**
 * A calendar date as `05.01.2027` in both languages (the form the city's documents use). An API
 * date (`2027-01-05`) is read as written, with no time zone that could move it a day.
 */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const [, year, month, day] = match;
  return `${day}.${month}.${year}`;
}

/** A moment (an API timestamp) as `05.01.2027 15:18`, read in Riga time. */
export function formatDateTime(timestamp: string, language: Language): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Europe/Riga',
  }).format(date);
  return `${formatDate(parts)} ${formatTime(date, language)}`;
}

/** Whole days from `today` (YYYY-MM-DD) to `isoDate`; negative once it has passed. */
export function daysUntil(isoDate: string, today: string): number {
  const toUtc = (value: string) => Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return Math.round((toUtc(isoDate) - toUtc(today)) / 86_400_000);
}

/** Today's date in Riga as YYYY-MM-DD. */
export function todayInRiga(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'Europe/Riga',
  }).format(now);
}
