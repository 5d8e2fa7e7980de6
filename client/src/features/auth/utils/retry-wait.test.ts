import { describe, expect, it } from 'vitest';
import { retryWait } from './retry-wait';

describe('retryWait', () => {
  it('says seconds under a minute', () => {
    expect(retryWait(1)).toEqual({ unit: 'seconds', count: 1 });
    expect(retryWait(59)).toEqual({ unit: 'seconds', count: 59 });
    expect(retryWait(0.2)).toEqual({ unit: 'seconds', count: 1 });
  });

  it('says whole minutes, rounded up, from a minute on', () => {
    expect(retryWait(60)).toEqual({ unit: 'minutes', count: 1 });
    expect(retryWait(61)).toEqual({ unit: 'minutes', count: 2 });
    expect(retryWait(900)).toEqual({ unit: 'minutes', count: 15 });
  });
});
