import { ApiError } from '../../../api/client';
import { formatTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { retryWait } from '../utils/retry-wait';

/**
 * For a 429, when to try again, in words and as a clock time counted from when the request was
 * sent (`submittedAt`); undefined for any other failure.
 */
export function useRetryText(error: Error | null, submittedAt: number): string | undefined {
  const { t, tn, language } = useI18n();
  const retryAfter = error instanceof ApiError && error.status === 429 ? error.retryAfterSeconds : undefined;
  if (retryAfter === undefined) return undefined;
  const wait = retryWait(retryAfter);
  const time = formatTime(new Date(submittedAt + retryAfter * 1000), language);
  return t('login.retryAt', { wait: tn(`time.${wait.unit}`, wait.count), time });
}
