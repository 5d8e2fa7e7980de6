export const LANGUAGES = ['lv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Latvian first: a visitor who has not chosen a language sees Latvian, whatever the browser says. */
export const DEFAULT_LANGUAGE: Language = 'lv';

const STORAGE_KEY = 'ikt-budzets.language';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

// Storage can be switched off or full (private windows, kiosk policies); the choice then lasts
// only for the session, which is better than a page that fails to start.
export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // see readStoredLanguage
  }
}
