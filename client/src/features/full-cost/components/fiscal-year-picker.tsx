import { useId } from 'react';
import { useI18n } from '../../../i18n/i18n-context';

/** Which of the cycle's fiscal years a page shows. */
export function FiscalYearPicker({
  years,
  value,
  onChange,
}: {
  years: readonly number[];
  value: number;
  onChange: (year: number) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="inline-field">
      <label htmlFor={id}>{t('fullCost.fiscalYear')}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number.parseInt(event.target.value, 10))}>
        {years.map((year) => (
          <option key={year} value={year}>
            {year}
          </option>
        ))}
      </select>
    </div>
  );
}
