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
