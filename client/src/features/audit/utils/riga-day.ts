/**
 * The first moment of a calendar day (YYYY-MM-DD) in Riga, as an ISO timestamp with Riga's
 * offset on that day (+02:00 in winter, +03:00 in summer) — what "from 05.01.2027" means to a
 * reader in Riga, whatever the browser's own time zone.
 */
export function rigaDayStart(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new Error(`not a date: ${day}`);
  const [, year, month, date] = match;
  // Riga changes its clock at 01:00 UTC, so midnight UTC has the same offset as Riga's midnight.
  const midnightUtc = new Date(Date.UTC(Number(year), Number(month) - 1, Number(date)));
  const zone = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Riga', timeZoneName: 'longOffset' })
    .formatToParts(midnightUtc)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = /^GMT([+-]\d{2}:\d{2})$/.exec(zone ?? '')?.[1] ?? '+00:00';
  return `${day}T00:00:00${offset}`;
}

/** The day after a calendar day (YYYY-MM-DD), for an inclusive "until" date. */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}
