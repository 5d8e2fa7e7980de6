import { SearchParamSelect } from '../../../components/inline-field';
import { useI18n } from '../../../i18n/i18n-context';

/** Which of the cycle's fiscal years a page shows, kept in the address (`?year=`). */
export function FiscalYearPicker({ years, value }: { years: readonly number[]; value: number }) {
  const { t } = useI18n();
  return (
    <SearchParamSelect label={t('fullCost.fiscalYear')} param="year" value={value}>
      {years.map((year) => (
        <option key={year} value={year}>
          {year}
        </option>
      ))}
    </SearchParamSelect>
  );
}
