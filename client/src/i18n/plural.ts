import type { Language } from './language';

/**
 * A count message is a family of keys, one per CLDR plural category: `grid.count.one`,
 * `grid.count.other` and, for Latvian, `grid.count.zero`. Latvian has three (Intl.PluralRules):
 *
 * - `one` — 1, 21, 31 … 101 … (not 11): "1 pozīcija", "21 pozīcija";
 * - `zero` — 0, 10–20, 30, 40 … 100, 111–119 …: the genitive plural, "0 pozīciju", "10 pozīciju";
 * - `other` — the rest: "2 pozīcijas", "25 pozīcijas".
 *
 * English has `one` and `other`. Every count message has `.one` and `.other` in each language;
 * `.zero` is where Latvian needs it, and a category with no text of its own uses `.other` (as
 * "pēc 10 sekundēm" does: after "pēc" the zero and other forms are the same).
 */
export type PluralCategory = Intl.LDMLPluralRule;

const rulesByLanguage = new Map<Language, Intl.PluralRules>();

/** The CLDR plural category of a count in a language. */
export function pluralCategory(language: Language, count: number): PluralCategory {
  let rules = rulesByLanguage.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    rulesByLanguage.set(language, rules);
  }
  return rules.select(count);
}

/** The key of the form a count takes: `${base}.${category}` when the dictionary has it, else `${base}.other`. */
export function pluralKey(has: (key: string) => boolean, language: Language, base: string, count: number): string {
  const exact = `${base}.${pluralCategory(language, count)}`;
  return has(exact) ? exact : `${base}.other`;
}

/** The base names of a dictionary's count messages (every key ending in `.other`). */
export function pluralBases(keys: Iterable<string>): string[] {
  return [...keys].filter((key) => key.endsWith('.other')).map((key) => key.slice(0, -'.other'.length));
}
