import { describe, expect, it } from 'vitest';
import { changeAgainst } from './money-change';

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
});
