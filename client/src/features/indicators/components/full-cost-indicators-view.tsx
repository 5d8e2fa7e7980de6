import type { FullCostIndicators } from '@ikt/shared/indicators.schema';
import { DataTable, numeric } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Money } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';

type Figure = FullCostIndicators['indicators'][number];

/** The rows under the institutions: per indicator the median of the institutions and the benchmarks. */
const COMPARISONS: { label: MessageKey; figure: (indicator: Figure) => string | null | undefined }[] = [
  { label: 'indicators.fullCost.median', figure: (indicator) => indicator.median },
  { label: 'benchmarks.riga2015', figure: (indicator) => indicator.benchmark?.riga2015 },
  { label: 'benchmarks.peerAverage', figure: (indicator) => indicator.benchmark?.peerAverage },
];

/**
 * The M6 cost per user and per computer of each institution on its full cost — its own
 * sub-programmes plus its share of the ITC central sub-programme — with, below, the median of
 * the institutions and the benchmarks of the same indicators.
 */
export function FullCostIndicatorsView({ figures }: { figures: FullCostIndicators }) {
  const { t } = useI18n();
  const euro = (value: string | null | undefined) =>
    value === null || value === undefined ? <MissingValue label={t('benchmarks.noFigure')} /> : <Money value={value} />;
  const sources = [...new Set(figures.indicators.map((indicator) => indicator.benchmark?.source).filter(Boolean))];
  return (
    <>
      <p className="hint">{t('indicators.fullCost.explained')}</p>
      <DataTable
        caption={t('indicators.fullCost.caption', { year: figures.fiscalYear })}
        head={[
          t('indicators.fullCost.institution'),
          numeric(t('indicators.fullCost.full')),
          ...figures.indicators.map((indicator) => numeric(t(`indicators.fullCost.${indicator.indicator}`))),
        ]}
      >
        <tbody>
          {figures.institutions.map((row) => (
            <tr key={row.institutionCode}>
              <th scope="row">
                {t('indicators.fullCost.institutionNamed', { code: row.institutionCode, name: row.name })}
              </th>
              <td className="num">{euro(row.full)}</td>
              {figures.indicators.map((indicator) => (
                <td key={indicator.indicator} className="num">
                  {euro(row.values[indicator.indicator])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          {COMPARISONS.map((comparison) => (
            <tr key={comparison.label}>
              <th scope="row" colSpan={2}>
                {t(comparison.label)}
              </th>
              {figures.indicators.map((indicator) => (
                <td key={indicator.indicator} className="num">
                  {euro(comparison.figure(indicator))}
                </td>
              ))}
            </tr>
          ))}
        </tfoot>
      </DataTable>
      {sources.length > 0 && (
        <p className="source">{t('indicators.fullCost.sources', { sources: sources.join('; ') })}</p>
      )}
    </>
  );
}
