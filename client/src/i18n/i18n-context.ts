import { createContext, useContext } from 'react';
import type { Language } from './language';
import type { MessageKey, PluralMessageKey } from './messages/lv';

export type MessageParams = Record<string, string | number>;

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
  /**
   * A count message in the form its number takes (CLDR plural rules: Latvian zero / one / other,
   * see plural.ts): `tn('grid.count', 1)` → "(1 pozīcija)". `{count}` is the count unless
   * `params` says otherwise.
   */
  tn: (key: PluralMessageKey, count: number, params?: MessageParams) => string;
  /** For keys built from data (e.g. a benchmark indicator); undefined when there is no text for it. */
  tOptional: (key: string, params?: MessageParams) => string | undefined;
  /** Picks the text in the chosen language from a record's Latvian/English pair. */
  localize: (lv: string, en: string) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

export function useT(): I18n['t'] {
  return useI18n().t;
}
