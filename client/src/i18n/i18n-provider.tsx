import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18n, type MessageParams } from './i18n-context';
import { readStoredLanguage, storeLanguage, type Language } from './language';
import { en } from './messages/en';
import { lv, type Messages } from './messages/lv';
import { pluralKey } from './plural';

const DICTIONARIES: Record<Language, Messages> = { lv, en };

function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

interface I18nProviderProps {
  children: ReactNode;
  /**
   * Told the language at start and at every change, before anything renders in it — so that
   * requests made by that render (e.g. the API's Accept-Language) already carry it.
   */
  onLanguageChange?: (language: Language) => void;
}

export function I18nProvider({ children, onLanguageChange }: I18nProviderProps) {
  const [language, setLanguageState] = useState<Language>(() => {
    const initial = readStoredLanguage();
    onLanguageChange?.(initial);
    return initial;
  });

  const setLanguage = useCallback(
    (next: Language) => {
      storeLanguage(next);
      onLanguageChange?.(next);
      setLanguageState(next);
    },
    [onLanguageChange],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const value = useMemo<I18n>(() => {
    const messages = DICTIONARIES[language];
    const lookup = (key: string): string | undefined =>
      Object.hasOwn(messages, key) ? messages[key as keyof Messages] : undefined;
    return {
      language,
      setLanguage,
      t: (key, params) => interpolate(messages[key] ?? key, params),
      tn: (key, count, params) => {
        const form = pluralKey((candidate) => lookup(candidate) !== undefined, language, key, count);
        return interpolate(lookup(form) ?? form, { count, ...params });
      },
      tOptional: (key, params) => {
        const template = lookup(key);
        return template === undefined ? undefined : interpolate(template, params);
      },
      localize: (lvText, enText) => (language === 'en' ? enText : lvText),
    };
  }, [language, setLanguage]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
