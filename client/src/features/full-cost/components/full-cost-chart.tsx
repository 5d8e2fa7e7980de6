import type { FullCostInstitution } from '@ikt/shared/full-cost.schema';
import { Decimal } from '@ikt/shared/money';
import { BarChart } from '../../../components/bar-chart';
import { useI18n } from '../../../i18n/i18n-context';

/**
 * Each institution's full cost as one bar, largest first: its own items, then what it is
 * allocated of the central services. The table beside it holds the same figures.
 */
export function FullCostChart({ institutions, year }: { institutions: readonly FullCostInstitution[]; year: number }) {
  const { t } = useI18n();
  const rows = [...institutions].sort((a, b) => new Decimal(b.full).comparedTo(new Decimal(a.full)));
  return (
    <BarChart
      caption={t('fullCost.chartCaption', { year })}
      valueLabel={t('fullCost.full')}
      partLabels={[t('fullCost.own'), t('fullCost.allocated')]}
      rows={rows.map((row) => ({
        key: row.institutionCode,
        label: `${row.institutionCode} ${row.name}`,
        value: row.full,
        parts: [row.own, row.allocated],
      }))}
    />
  );
}
