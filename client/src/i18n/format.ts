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
