import { describe, expect, it } from 'vitest';
import { formatDecimal, formatTime } from './format';

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
