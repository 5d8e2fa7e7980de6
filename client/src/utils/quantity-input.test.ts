import { describe, expect, it } from 'vitest';
import { parseQuantityInput } from './quantity-input';

describe('parseQuantityInput', () => {
  it('reads a comma or a dot as the decimal mark and spaces as grouping, exactly', () => {
    expect(parseQuantityInput('12')).toEqual({ ok: true, value: '12' });
    expect(parseQuantityInput('12,5')).toEqual({ ok: true, value: '12.5' });
    expect(parseQuantityInput(' 1 200.125 ')).toEqual({ ok: true, value: '1200.125' });
    expect(parseQuantityInput(',5')).toEqual({ ok: true, value: '0.5' });
    expect(parseQuantityInput('007,10')).toEqual({ ok: true, value: '7.1' });
    expect(parseQuantityInput('99999999999.999')).toEqual({ ok: true, value: '99999999999.999' });
    expect(parseQuantityInput('')).toEqual({ ok: true, value: null });
  });

  it('says what is wrong with a quantity it cannot take', () => {
    expect(parseQuantityInput('1,2345')).toEqual({ ok: false, problem: 'tooManyDecimals' });
    expect(parseQuantityInput('-3')).toEqual({ ok: false, problem: 'negative' });
    expect(parseQuantityInput('100000000000')).toEqual({ ok: false, problem: 'tooLarge' });
    for (const text of ['abc', '1,2,3', '1.234,5', ',', '1e3', '12 gab.']) {
      expect(parseQuantityInput(text), text).toEqual({ ok: false, problem: 'invalid' });
    }
  });
});
