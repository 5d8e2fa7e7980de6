export interface RetryWait {
  unit: 'seconds' | 'minutes';
  count: number;
}

/**
 * How long to wait, in the unit a person would say it in: seconds under a minute, otherwise whole
 * minutes rounded up (telling someone to come back a little early only earns them another 429).
 */
export function retryWait(seconds: number): RetryWait {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return { unit: 'seconds', count: whole };
  return { unit: 'minutes', count: Math.ceil(whole / 60) };
}

/**
 * The grammatical number a count takes: Latvian uses the singular after 1, 21, 31 … (but not 11),
 * English only after 1. Intl's Latvian "zero" (10, 11–19, 20 …) takes the plural form.
 */
export function pluralForm(language: string, count: number): 'one' | 'other' {
  return new Intl.PluralRules(language).select(count) === 'one' ? 'one' : 'other';
}
