import type { IndicatorsAnswer } from '@ikt/shared/indicators.schema';
import { BarChart } from '../../../components/bar-chart';
import { DataTable, numeric } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Money } from '../../../components/money';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';

type Indicator = IndicatorsAnswer['indicators'][number];

/**
 * The M6 figures of the cycle against last year, Riga 2015 and the peer average — as a table and
 * as charts. A lead sees a cycle not yet approved as its own institution's ICT budget, with last
 * year's figures and the benchmarks but without this cycle's (the city's, not yet published).
 */
export function IndicatorsView({ indicators }: { indicators: IndicatorsAnswer }) {
  const { t, tOptional, language } = useI18n();
  const city = indicators.scope === 'city';
  const name = (indicator: Indicator) => tOptional(`benchmark.indicator.${indicator.indicator}`) ?? indicator.indicator;
  const unit = (indicator: Indicator) => tOptional(`benchmark.unit.${indicator.indicator}`) ?? indicator.unit;
  const figure = (value: string | null | undefined, indicator: Indicator) =>
    value === null || value === undefined ? (
      <MissingValue label={t('benchmarks.noFigure')} />
    ) : (
      <>{formatFigure(value, indicator, language)}</>
    );

  return (
    <>
      <dl className="facts">
        <div>
          <dt>
            {city
              ? t('indicators.ictBudget', { year: indicators.fiscalYear })
              : t('indicators.institutionIctBudget', {
                  institution: indicators.institutionCode,
                  year: indicators.fiscalYear,
                })}
          </dt>
          <dd className="num">
            <Money value={city ? indicators.ictBudgetTotal : indicators.institutionIctBudgetTotal} />
          </dd>
        </div>
      </dl>
      {!city && <p className="hint">{t('indicators.notPublished')}</p>}
      <DataTable
        caption={t('indicators.caption', { year: indicators.fiscalYear })}
        head={[
          t('benchmarks.indicator'),
          city && numeric(t('indicators.thisCycle')),
          numeric(t('indicators.previousYear')),
          numeric(t('benchmarks.riga2015')),
          numeric(t('benchmarks.peerAverage')),
          t('benchmarks.unit'),
          t('benchmarks.source'),
        ]}
      >
        <tbody>
          {indicators.indicators.map((indicator) => (
            <tr key={indicator.indicator}>
              <th scope="row">{name(indicator)}</th>
              {city && <td className="num">{figure(indicator.value, indicator)}</td>}
              <td className="num">{figure(indicator.previousYear, indicator)}</td>
              <td className="num">{figure(indicator.benchmark?.riga2015, indicator)}</td>
              <td className="num">{figure(indicator.benchmark?.peerAverage, indicator)}</td>
              <td>{unit(indicator)}</td>
              <td className="source">{indicator.benchmark?.source ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {city && indicators.indicators.some((indicator) => indicator.value === null) && (
        <p className="hint">{t('indicators.missingInputs')}</p>
      )}
      <div className="chart-grid">
        {indicators.indicators.map((indicator) => {
          const rows = [
            { key: 'value', label: t('indicators.thisCycle'), value: indicator.value },
            { key: 'previous', label: t('indicators.previousYear'), value: indicator.previousYear },
            { key: 'riga2015', label: t('benchmarks.riga2015'), value: indicator.benchmark?.riga2015 ?? null },
            { key: 'peer', label: t('benchmarks.peerAverage'), value: indicator.benchmark?.peerAverage ?? null },
          ].filter((row): row is { key: string; label: string; value: string } => row.value !== null);
          if (rows.length === 0) return null;
          return (
            <BarChart
              key={indicator.indicator}
              caption={`${name(indicator)} (${unit(indicator)})`}
              valueLabel={name(indicator)}
              rows={rows}
              format={(value) => formatFigure(value, indicator, language)}
              size="narrow"
            />
          );
        })}
      </div>
    </>
  );
}

/** Euro figures in the money form, percentages with a per cent sign, counts as plain numbers. */
function formatFigure(value: string, indicator: Indicator, language: 'lv' | 'en'): string {
  if (indicator.unit === 'EUR') return `${formatDecimal(value, 'lv')}\u00a0€`;
  if (indicator.unit === '%') return `${formatDecimal(value, language)}\u00a0%`;
  return formatDecimal(value, language);
}
