/**
 * Reads an HTTP Retry-After header (RFC 9110 §10.2.3): either a number of seconds or an HTTP
 * date. Answers whole seconds from `nowMs` (at least 1), or undefined when the header is absent
 * or unreadable, so the screen can fall back to the server's own words.
 */
export function parseRetryAfter(header: string | null | undefined, nowMs: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Math.max(1, Number(value));
  // An HTTP date always names its day and month; anything else ("-5") is not one, whatever Date.parse thinks.
  if (!/^[A-Za-z]{3}, /.test(value)) return undefined;
  const dateMs = Date.parse(value);
  if (Number.isNaN(dateMs)) return undefined;
  return Math.max(1, Math.ceil((dateMs - nowMs) / 1000));
}
