import type { Consolidation, ConsolidationRow } from '@ikt/shared/consolidation.schema';
import { changeAgainst } from '@ikt/shared/money-change';
import type { ReactNode } from 'react';
import { ChangePercent } from '../../../components/change-percent';
import { DataTable, numeric } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Money } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';

interface ConsolidationTableProps {
  caption: string;
  consolidation: Consolidation;
  /** The row's label, as a link where it leads somewhere. */
  renderLabel: (row: ConsolidationRow) => ReactNode;
}

/** The pivot: one row per group, a column per fiscal year, last year's approved figure and the change. */
export function ConsolidationTable({ caption, consolidation, renderLabel }: ConsolidationTableProps) {
  const { t } = useI18n();
  const years = consolidation.fiscalYears;
  const firstYear = String(years[0]);
  const total = consolidation.total;
  const totalChange = changeAgainst(total.amounts[firstYear] ?? '0', total.previousYear);
  const isEkk = consolidation.by === 'ekk';
  return (
    <DataTable
      caption={caption}
      className={isEkk ? 'consolidation-table ekk-table' : 'consolidation-table'}
      head={[
        t('common.code'),
        t('common.name'),
        ...years.map((year) => numeric(year)),
        numeric(t('consolidation.previousYear')),
        numeric(t('consolidation.change')),
        numeric(t('consolidation.changePercent')),
        numeric(t('consolidation.items')),
      ]}
    >
      <tbody>
        {consolidation.rows.map((row) => (
          <tr key={`${row.parentKey ?? ''}:${row.key}`} data-level={row.level}>
            <td className="code ekk-indent">
              {row.key === '' ? <MissingValue label={t('consolidation.noCode')} /> : row.key}
            </td>
            <th scope="row" className="ekk-indent">
              {renderLabel(row)}
            </th>
            {years.map((year) => (
              <td key={year} className="num">
                <Money value={row.amounts[String(year)] ?? '0'} />
              </td>
            ))}
            <td className="num">
              {row.previousYear === null ? (
                <MissingValue label={t('progress.noPrevious')} />
              ) : (
                <Money value={row.previousYear} />
              )}
            </td>
            <td className="num">
              {row.change === null ? <MissingValue label={t('progress.noChange')} /> : <Money value={row.change} />}
            </td>
            <td className="num">
              <ChangePercent percent={row.changePercent} />
            </td>
            <td className="num">{row.itemCount}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <th scope="row">{t('common.total')}</th>
          {years.map((year) => (
            <td key={year} className="num">
              <Money value={total.amounts[String(year)] ?? '0'} />
            </td>
          ))}
          <td className="num">
            {total.previousYear === null ? (
              <MissingValue label={t('progress.noPrevious')} />
            ) : (
              <Money value={total.previousYear} />
            )}
          </td>
          <td className="num">
            {totalChange.change === null ? (
              <MissingValue label={t('progress.noChange')} />
            ) : (
              <Money value={totalChange.change} />
            )}
          </td>
          <td className="num">
            <ChangePercent percent={totalChange.changePercent} />
          </td>
          <td className="num">{total.itemCount}</td>
        </tr>
        {consolidation.cut.itemCount > 0 && (
          <tr className="cut-row">
            <td />
            <th scope="row">{t('consolidation.cut')}</th>
            {years.map((year) => (
              <td key={year} className="num">
                <Money value={consolidation.cut.amounts[String(year)] ?? '0'} />
              </td>
            ))}
            <td colSpan={3} />
            <td className="num">{consolidation.cut.itemCount}</td>
          </tr>
        )}
      </tfoot>
    </DataTable>
  );
}
