import { DIRECT_DRIVER } from '@ikt/shared/full-cost.schema';
import type { ReactNode } from 'react';
import { MissingValue } from '../../../components/missing-value';
import { Money, MoneyCell as SharedMoneyCell } from '../../../components/money';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';

/** An amount, or a dash with words for a screen reader where there is none. */
export function MoneyOrNone({ value }: { value: string | null }) {
  const { t } = useI18n();
  return value === null ? <MissingValue label={t('fullCost.none')} /> : <Money value={value} />;
}

/** A rate (euro per unit, four decimals) or a quantity, as the reader writes decimals; a dash without one. */
export function DecimalFigure({ value, unit }: { value: string | null; unit?: string }) {
  const { t, language } = useI18n();
  if (value === null) return <MissingValue label={t('fullCost.none')} />;
  return (
    <span className="num">
      {unit ? `${formatDecimal(value, language)}\u00a0${unit}` : formatDecimal(value, language)}
    </span>
  );
}

/** A driver unit in the reader's language, or the words for a directly attributed service. */
export function useUnitName() {
  const { t, language } = useI18n();
  return (entry: { direct?: boolean; unitLv: string | null; unitEn: string | null }) =>
    entry.direct || entry.unitEn === DIRECT_DRIVER
      ? t('fullCost.direct')
      : ((language === 'lv' ? entry.unitLv : entry.unitEn) ?? t('fullCost.none'));
}

/** Figures with their names, side by side: `[label, figure]` pairs. */
export function Facts({ facts }: { facts: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {facts.map(([label, figure]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="num">{figure}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The total row under a table: its name across the first columns, the amount in the last. */
export function TotalRow({ label, span, amount }: { label: string; span: number; amount: string }) {
  return (
    <tfoot>
      <tr>
        <th scope="row" colSpan={span}>
          {label}
        </th>
        <td className="num">
          <Money value={amount} />
        </td>
      </tr>
    </tfoot>
  );
}

/** A service or an institution as a row's heading: its code, then its name. */
export function CodeName({ code, name }: { code: string; name: string }) {
  return (
    <th scope="row">
      {code && <span className="code">{code}</span>} {name}
    </th>
  );
}

/** A table cell with an amount (a dash, and "none" for the ear, where there is none). */
export function MoneyCell({ value }: { value: string | null }) {
  const { t } = useI18n();
  return <SharedMoneyCell value={value} missing={t('fullCost.none')} />;
}

/** A table cell with a rate or a quantity (a dash where there is none). */
export function DecimalCell({ value, unit }: { value: string | null; unit?: string }) {
  return (
    <td className="num">
      <DecimalFigure value={value} {...(unit ? { unit } : {})} />
    </td>
  );
}
