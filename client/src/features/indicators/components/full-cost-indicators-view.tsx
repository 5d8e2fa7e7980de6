import type { FullCostIndicators } from '@ikt/shared/indicators.schema';
import { DataTable, numeric } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Money } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';

/**
 * The M6 cost per user and per computer of each institution on its full cost — its own
 * sub-programmes plus its share of the ITC central sub-programme — and, per indicator, the
 * median of the institutions beside the benchmarks.
 */
export function FullCostIndicatorsView({ figures }: { figures: FullCostIndicators }) {
  const { t, tOptional } = useI18n();
  const euro = (value: string | null | undefined) =>
    value === null || value === undefined ? <MissingValue label={t('benchmarks.noFigure')} /> : <Money value={value} />;
  return (
    <>
      <p className="hint">{t('indicators.fullCost.explained')}</p>
      <DataTable
        caption={t('indicators.fullCost.caption', { year: figures.fiscalYear })}
        head={[
          t('indicators.fullCost.institution'),
          numeric(t('indicators.fullCost.own')),
          numeric(t('indicators.fullCost.allocated')),
          numeric(t('indicators.fullCost.full')),
          numeric(t('indicators.fullCost.perUser')),
          numeric(t('indicators.fullCost.perComputer')),
        ]}
      >
        <tbody>
          {figures.institutions.map((row) => (
            <tr key={row.institutionCode}>
              <th scope="row">
                <span className="code">{row.institutionCode}</span> {row.name}
              </th>
              <td className="num">{euro(row.own)}</td>
              <td className="num">{euro(row.allocated)}</td>
              <td className="num">{euro(row.full)}</td>
              <td className="num">{euro(row.values.ict_cost_per_user)}</td>
              <td className="num">{euro(row.values.ict_cost_per_computer)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <DataTable
        caption={t('indicators.fullCost.benchmarksCaption', { year: figures.fiscalYear })}
        head={[
          t('benchmarks.indicator'),
          numeric(t('indicators.fullCost.median')),
          numeric(t('benchmarks.riga2015')),
          numeric(t('benchmarks.peerAverage')),
          t('benchmarks.source'),
        ]}
      >
        <tbody>
          {figures.indicators.map((indicator) => (
            <tr key={indicator.indicator}>
              <th scope="row">
                {tOptional(`indicators.fullCost.indicator.${indicator.indicator}`) ?? indicator.indicator}
              </th>
              <td className="num">{euro(indicator.median)}</td>
              <td className="num">{euro(indicator.benchmark?.riga2015)}</td>
              <td className="num">{euro(indicator.benchmark?.peerAverage)}</td>
              <td className="source">{indicator.benchmark?.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
