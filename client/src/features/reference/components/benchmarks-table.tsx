import { numeric, QueryTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { useBenchmarks } from '../api/get-benchmarks';

export function BenchmarksTable() {
  const { t, tOptional, language } = useI18n();
  const figure = (value: string | null) =>
    value === null ? <MissingValue label={t('benchmarks.noFigure')} /> : formatDecimal(value, language);

  return (
    <QueryTable
      query={useBenchmarks()}
      caption={t('benchmarks.caption')}
      head={[
        t('benchmarks.indicator'),
        numeric(t('benchmarks.riga2015')),
        numeric(t('benchmarks.peerAverage')),
        t('benchmarks.unit'),
        t('benchmarks.source'),
      ]}
    >
      {(benchmarks) => (
        <tbody>
          {benchmarks.map((benchmark) => (
            <tr key={benchmark.indicator}>
              {/* Indicators are keys; an indicator the dictionary does not know yet shows its key. */}
              <th scope="row">{tOptional(`benchmark.indicator.${benchmark.indicator}`) ?? benchmark.indicator}</th>
              <td className="num">{figure(benchmark.riga2015)}</td>
              <td className="num">{figure(benchmark.peerAverage)}</td>
              <td>{tOptional(`benchmark.unit.${benchmark.indicator}`) ?? benchmark.unit}</td>
              <td className="source">{benchmark.source}</td>
            </tr>
          ))}
        </tbody>
      )}
    </QueryTable>
  );
}
