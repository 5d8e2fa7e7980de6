import { describe, expect, it } from 'vitest';
import type { Language } from './language';
import { en } from './messages/en';
import { lv } from './messages/lv';
import { pluralBases, pluralCategory, pluralKey } from './plural';

const DICTIONARIES: Record<Language, Record<string, string | undefined>> = { lv, en };

/** The text a count message gives, as `tn` builds it. */
function say(language: Language, base: string, count: number): string {
  const dictionary = DICTIONARIES[language];
  const key = pluralKey((candidate) => dictionary[candidate] !== undefined, language, base, count);
  return (dictionary[key] ?? key).replace('{count}', String(count));
}

describe('pluralCategory', () => {
  it('follows CLDR for Latvian: one after 1, 21, 101 (not 11); zero after 0, 10–20, 30, 111', () => {
    for (const count of [1, 21, 31, 101, 121]) expect(pluralCategory('lv', count)).toBe('one');
    for (const count of [0, 10, 11, 12, 15, 19, 20, 30, 100, 111, 1000])
      expect(pluralCategory('lv', count)).toBe('zero');
    for (const count of [2, 3, 9, 22, 25, 102]) expect(pluralCategory('lv', count)).toBe('other');
  });

  it('follows CLDR for English: one only after 1', () => {
    expect(pluralCategory('en', 1)).toBe('one');
    for (const count of [0, 2, 11, 21]) expect(pluralCategory('en', count)).toBe('other');
  });
});

describe('count messages', () => {
  it('say Latvian items as "pozīcija", "pozīcijas" and "pozīciju"', () => {
    expect(say('lv', 'grid.count', 1)).toBe('(1 pozīcija)');
    expect(say('lv', 'grid.count', 21)).toBe('(21 pozīcija)');
    expect(say('lv', 'grid.count', 3)).toBe('(3 pozīcijas)');
    expect(say('lv', 'grid.count', 0)).toBe('(0 pozīciju)');
    expect(say('lv', 'grid.count', 10)).toBe('(10 pozīciju)');
    expect(say('lv', 'grid.count', 11)).toBe('(11 pozīciju)');
    expect(say('lv', 'paste.save', 1)).toBe('Saglabāt 1 pozīciju');
    expect(say('lv', 'paste.save', 4)).toBe('Saglabāt 4 pozīcijas');
    expect(say('lv', 'cycle.daysLeft', 1)).toBe('atlikusi 1 diena');
    expect(say('lv', 'cycle.daysLeft', 5)).toBe('atlikušas 5 dienas');
  });

  it('use the "other" form where Latvian has no zero form of its own', () => {
    expect(say('lv', 'time.seconds', 10)).toBe('pēc 10 sekundēm');
    expect(say('lv', 'time.seconds', 1)).toBe('pēc 1 sekundes');
  });

  it('say English items as "item" and "items"', () => {
    expect(say('en', 'grid.count', 1)).toBe('(1 item)');
    expect(say('en', 'grid.count', 0)).toBe('(0 items)');
    expect(say('en', 'grid.count', 21)).toBe('(21 items)');
  });

  it('have "one" and "other" in both languages, and a zero form only in Latvian, beside its other forms', () => {
    const bases = pluralBases(Object.keys(lv));
    expect(bases).toContain('grid.count');
    expect(pluralBases(Object.keys(en)).sort()).toEqual([...bases].sort());
    for (const base of bases) {
      for (const dictionary of [lv, en] as Record<string, string | undefined>[]) {
        expect(dictionary[`${base}.one`], `${base}.one`).toBeTypeOf('string');
        expect(dictionary[`${base}.other`], `${base}.other`).toBeTypeOf('string');
        expect(dictionary[base], `${base} without a form`).toBeUndefined();
      }
    }
    for (const key of Object.keys(lv).filter((candidate) => candidate.endsWith('.zero'))) {
      expect(bases, key).toContain(key.slice(0, -'.zero'.length));
    }
  });
});
