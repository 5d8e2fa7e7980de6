import { formatDecimal } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { MissingValue } from './missing-value';

/** "+22,8 %" or "−3,1 %" against last year; a dash (and words for a screen reader) without one. */
export function ChangePercent({ percent }: { percent: string | null }) {
  const { t, language } = useI18n();
  if (percent === null) return <MissingValue label={t('progress.noChange')} />;
  const sign = percent.startsWith('-') || /^0(\.0+)?$/.test(percent) ? '' : '+';
  return <span className="num">{`${sign}${formatDecimal(percent, language)}\u00a0%`}</span>;
}
