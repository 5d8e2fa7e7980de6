import { describe, expect, it } from 'vitest';
import { parsePercentInput } from './percent-input';

describe('parsePercentInput', () => {
  it('reads either decimal mark and ignores the per cent sign', () => {
    expect(parsePercentInput('7,5')).toBe('7.5');
    expect(parsePercentInput(' 7.5 % ')).toBe('7.5');
    expect(parsePercentInput('10')).toBe('10');
    expect(parsePercentInput('100')).toBe('100');
    expect(parsePercentInput('05')).toBe('5');
  });

  it('refuses what the API refuses', () => {
    expect(parsePercentInput('')).toBeUndefined();
    expect(parsePercentInput('101')).toBeUndefined();
    expect(parsePercentInput('7,555')).toBeUndefined();
    expect(parsePercentInput('-5')).toBeUndefined();
    expect(parsePercentInput('abc')).toBeUndefined();
  });
});
