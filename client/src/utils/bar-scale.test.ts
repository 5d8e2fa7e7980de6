import { describe, expect, it } from 'vitest';
import { axisTicks, barLengths } from './bar-scale';

describe('barLengths', () => {
  it('gives the largest amount the full length and the others in proportion', () => {
    expect(barLengths(['6435000.00', '952000.00', '0.00', null], 400)).toEqual([400, 59.2, 0, 0]);
  });

  it('draws nothing when every amount is zero', () => {
    expect(barLengths(['0.00', '0.00'], 300)).toEqual([0, 0]);
  });

  it('measures a negative change by its size', () => {
    expect(barLengths(['-50.00', '100.00'], 100)).toEqual([50, 100]);
  });
});

describe('axisTicks', () => {
  it('chooses round steps that reach the largest amount', () => {
    expect(axisTicks('6435000.00')).toEqual(['0', '2000000', '4000000', '6000000', '8000000']);
    expect(axisTicks('950.00')).toEqual(['0', '250', '500', '750', '1000']);
    expect(axisTicks('0')).toEqual(['0']);
  });
});
