import type { ConsolidationCross } from '@ikt/shared/consolidation.schema';
import { DataTable } from '../../../components/data-table';
import { MoneyCell } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';

/**
 * Institutions down, EKK codes across, one fiscal year: every counted item in exactly one cell,
 * so each row adds up to its total, each column to its, and all of them to the grand total.
 */
export function CrossTable({ caption, cross }: { caption: string; cross: ConsolidationCross }) {
  const { t } = useI18n();
  return (
    <DataTable caption={caption} className="cross-table">
      <thead>
        <tr>
          <th scope="col">{t('subProgramme.institution')}</th>
          {cross.columns.map((column) => (
            <th key={column.key} scope="col" className="num">
              <span className="code">{column.key || '—'}</span>{' '}
              <span className="cross-table__name">{column.label}</span>
            </th>
          ))}
          <th scope="col" className="num">
            {t('common.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {cross.rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">
              <span className="code">{row.key}</span> <span className="cross-table__name">{row.label}</span>
            </th>
            {cross.columns.map((column) => (
              <MoneyCell key={column.key} value={row.cells[column.key] ?? null} missing={t('cross.noItems')} />
            ))}
            <MoneyCell value={row.total} className="cross-table__total" />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('common.total')}</th>
          {cross.columns.map((column) => (
            <MoneyCell key={column.key} value={column.total} />
          ))}
          <MoneyCell value={cross.total} className="cross-table__total" />
        </tr>
      </tfoot>
    </DataTable>
  );
}
