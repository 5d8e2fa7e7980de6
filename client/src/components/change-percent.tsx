import { formatDecimal } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { MissingValue } from './missing-value';
import { MoneyCell } from './money';

/** "+22,8 %" or "−3,1 %" against last year; a dash (and words for a screen reader) without one. */
export function ChangePercent({ percent }: { percent: string | null }) {
  const { t, language } = useI18n();
  if (percent === null) return <MissingValue label={t('progress.noChange')} />;
  const sign = percent.startsWith('-') || /^0(\.0+)?$/.test(percent) ? '' : '+';
  return <span className="num">{`${sign}${formatDecimal(percent, language)}\u00a0%`}</span>;
}

interface ChangeCellsProps {
  previousYear: string | null;
  /** The change in euros; left out, the table has no column for it. */
  change?: string | null;
  changePercent: string | null;
}

/** Last year's figure, the change in euros and the change in percent: a cell each, a dash where one is absent. */
export function ChangeCells({ previousYear, change, changePercent }: ChangeCellsProps) {
  const { t } = useI18n();
  return (
    <>
      <MoneyCell value={previousYear} missing={t('progress.noPrevious')} />
      {change !== undefined && <MoneyCell value={change} missing={t('progress.noChange')} />}
      <td className="num">
        <ChangePercent percent={changePercent} />
      </td>
    </>
  );
}
