import type { Consolidation, ConsolidationRow } from '@ikt/shared/consolidation.schema';
import { changeAgainst } from '@ikt/shared/money-change';
import type { ReactNode } from 'react';
import { ChangeCells } from '../../../components/change-percent';
import { DataTable, numeric } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { MoneyCell } from '../../../components/money';
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
            <FigureCells years={years} figures={row} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td />
          <th scope="row">{t('common.total')}</th>
          <FigureCells years={years} figures={{ ...total, ...totalChange }} />
        </tr>
        {consolidation.cut.itemCount > 0 && (
          <tr className="cut-row">
            <td />
            <th scope="row">{t('consolidation.cut')}</th>
            <YearCells years={years} amounts={consolidation.cut.amounts} />
            <td colSpan={3} />
            <td className="num">{consolidation.cut.itemCount}</td>
          </tr>
        )}
      </tfoot>
    </DataTable>
  );
}

type Figures = Pick<ConsolidationRow, 'amounts' | 'previousYear' | 'change' | 'changePercent' | 'itemCount'>;

/** A row's figures: each fiscal year, last year's and the change, and how many items they add up. */
function FigureCells({ years, figures }: { years: readonly number[]; figures: Figures }) {
  return (
    <>
      <YearCells years={years} amounts={figures.amounts} />
      <ChangeCells previousYear={figures.previousYear} change={figures.change} changePercent={figures.changePercent} />
      <td className="num">{figures.itemCount}</td>
    </>
  );
}

function YearCells({ years, amounts }: { years: readonly number[]; amounts: Record<string, string> }) {
  return years.map((year) => <MoneyCell key={year} value={amounts[String(year)] ?? '0'} />);
}
