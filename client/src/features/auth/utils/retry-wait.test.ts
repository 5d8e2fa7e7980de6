import { describe, expect, it } from 'vitest';
import { pluralForm, retryWait } from './retry-wait';

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

describe('pluralForm', () => {
  it('follows Latvian: singular after 1, 21, 31 but not 11', () => {
    expect(pluralForm('lv', 1)).toBe('one');
    expect(pluralForm('lv', 21)).toBe('one');
    expect(pluralForm('lv', 11)).toBe('other');
    expect(pluralForm('lv', 10)).toBe('other');
    expect(pluralForm('lv', 15)).toBe('other');
    expect(pluralForm('lv', 2)).toBe('other');
  });

  it('follows English: singular only after 1', () => {
    expect(pluralForm('en', 1)).toBe('one');
    expect(pluralForm('en', 21)).toBe('other');
  });
});
