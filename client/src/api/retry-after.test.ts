import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const NOW = Date.parse('2026-11-26T10:00:00Z');

describe('parseRetryAfter', () => {
  it('reads a number of seconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120);
    expect(parseRetryAfter(' 5 ', NOW)).toBe(5);
  });

  it('never answers less than a second', () => {
    expect(parseRetryAfter('0', NOW)).toBe(1);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:59:00 GMT', NOW)).toBe(1);
  });

  it('reads an HTTP date as the seconds until then', () => {
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:15:00 GMT', NOW)).toBe(900);
  });

  it('answers undefined for a missing or unreadable header', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
  });
});
