import { describe, expect, it } from 'vitest';
import { nextDay, rigaDayStart } from './riga-day';

describe('Riga calendar days as timestamps', () => {
  it('starts a winter day at +02:00 and a summer day at +03:00', () => {
    expect(rigaDayStart('2027-01-05')).toBe('2027-01-05T00:00:00+02:00');
    expect(rigaDayStart('2027-07-01')).toBe('2027-07-01T00:00:00+03:00');
    expect(new Date(rigaDayStart('2027-01-05')).toISOString()).toBe('2027-01-04T22:00:00.000Z');
  });

  it('takes the offset of midnight on the days the clocks change', () => {
    // 28.03.2027: 03:00 becomes 04:00 — midnight was still winter time; 31.10.2027 the other way.
    expect(rigaDayStart('2027-03-28')).toBe('2027-03-28T00:00:00+02:00');
    expect(rigaDayStart('2027-10-31')).toBe('2027-10-31T00:00:00+03:00');
  });

  it('gives the next day across months and years', () => {
    expect(nextDay('2027-01-31')).toBe('2027-02-01');
    expect(nextDay('2027-12-31')).toBe('2028-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });

  it('refuses what is not a date', () => {
    expect(() => rigaDayStart('05.01.2027')).toThrow();
  });
});
