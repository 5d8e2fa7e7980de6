import { describe, expect, it } from 'vitest';
import { daysUntil, formatDate, formatDateTime, formatDecimal, formatTime, todayInRiga } from './format';

describe('formatDecimal', () => {
  it('uses the Latvian decimal comma and a no-break space between thousands', () => {
    expect(formatDecimal('1.8', 'lv')).toBe('1,8');
    expect(formatDecimal('1234567.25', 'lv')).toBe('1\u00a0234\u00a0567,25');
  });

  it('uses the English point and comma grouping', () => {
    expect(formatDecimal('1234.5', 'en')).toBe('1,234.5');
  });

  it('keeps every digit, with no rounding through a number', () => {
    expect(formatDecimal('123456789012.99', 'en')).toBe('123,456,789,012.99');
    expect(formatDecimal('-0.10', 'lv')).toBe('−0,10');
  });
});

describe('formatTime', () => {
  it('shows hours and minutes on the 24-hour clock in Riga time, in both languages', () => {
    const afternoon = new Date('2026-11-26T13:18:00Z'); // 15:18 in Riga (UTC+2 in winter)
    expect(formatTime(afternoon, 'lv')).toBe('15:18');
    expect(formatTime(afternoon, 'en')).toBe('15:18');
  });

  it('keeps the leading zero of an early hour', () => {
    expect(formatTime(new Date('2026-07-01T05:05:00Z'), 'en')).toBe('08:05');
  });
});

describe('formatDate', () => {
  it('shows an API date as day.month.year in both languages, without moving it across time zones', () => {
    expect(formatDate('2027-01-05')).toBe('05.01.2027');
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('31.12.2026');
  });
});

describe('formatDateTime', () => {
  it('shows a moment in Riga time', () => {
    expect(formatDateTime('2026-12-31T22:30:00Z', 'lv')).toBe('01.01.2027 00:30');
    expect(formatDateTime('2027-07-01T05:05:00Z', 'en')).toBe('01.07.2027 08:05');
  });
});

describe('daysUntil', () => {
  it('counts whole days to a deadline, negative once it has passed', () => {
    expect(daysUntil('2026-12-18', '2026-12-01')).toBe(17);
    expect(daysUntil('2026-12-18', '2026-12-18')).toBe(0);
    expect(daysUntil('2026-12-18', '2026-12-20')).toBe(-2);
  });
});

describe('todayInRiga', () => {
  it('is the Riga calendar date, not the UTC one', () => {
    expect(todayInRiga(new Date('2026-12-31T22:30:00Z'))).toBe('2027-01-01');
  });
});
