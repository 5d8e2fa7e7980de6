import { describe, expect, it } from 'vitest';
import { changeAgainst, changeRatio } from './money-change';

describe('changeAgainst', () => {
  it('answers the change in euro and in per cent of last year, one decimal, half up', () => {
    expect(changeAgainst('10374200.00', '8159000.00')).toEqual({ change: '2215200.00', changePercent: '27.2' });
    expect(changeAgainst('100.00', '200.00')).toEqual({ change: '-100.00', changePercent: '-50.0' });
    // −88.75 % sits exactly at the half: it rounds away from zero, as the server does.
    expect(changeAgainst('112.50', '1000.00')).toEqual({ change: '-887.50', changePercent: '-88.8' });
    expect(changeAgainst('1.00', '1.60')).toEqual({ change: '-0.60', changePercent: '-37.5' });
  });

  it('has nothing to say without last year’s figure, and no percentage of zero', () => {
    expect(changeAgainst('5.00', null)).toEqual({ change: null, changePercent: null });
    expect(changeAgainst('5.00', '0.00')).toEqual({ change: '5.00', changePercent: null });
  });

  it('is exact where floats are not', () => {
    expect(changeAgainst('0.30', '0.10')).toEqual({ change: '0.20', changePercent: '200.0' });
    expect(changeAgainst('999999999999.99', '0.01')).toEqual({
      change: '999999999999.98',
      changePercent: '9999999999999800.0',
    });
  });
});

describe('changeRatio', () => {
  it('is the change as an unrounded fraction of last year, the figure changePercent rounds', () => {
    expect(changeRatio('112.50', '1000.00')).toBe('-0.8875');
    expect(changeRatio('100.00', '200.00')).toBe('-0.5');
    // Forty significant digits: more than a cell's double holds.
    expect(changeRatio('1.00', '3.00')).toBe('-0.6666666666666666666666666666666666666667');
  });

  it('has none where changeAgainst has no percentage', () => {
    expect(changeRatio('5.00', null)).toBeNull();
    expect(changeRatio('5.00', '0.00')).toBeNull();
  });
});
