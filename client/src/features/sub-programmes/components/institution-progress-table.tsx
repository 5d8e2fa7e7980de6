import type { Consolidation } from '@ikt/shared/consolidation.schema';
import { SUB_PROGRAMME_STATUSES } from '@ikt/shared/domain';
import { SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import { changeAgainst } from '@ikt/shared/money-change';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { DataTable, numeric } from '../../../components/data-table';
import { ChangeCells } from '../../../components/change-percent';
import { MoneyCell } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';
import { institutionProgress } from '../utils/institution-progress';

interface InstitutionProgressTableProps {
  subProgrammes: readonly SubProgramme[];
  consolidation: Consolidation | undefined;
}

/** ITC's overview: every institution's sub-programmes by status, and its total against last year. */
export function InstitutionProgressTable({ subProgrammes, consolidation }: InstitutionProgressTableProps) {
  const { t, tn, language } = useI18n();
  const rows = institutionProgress(subProgrammes, consolidation);
  const firstYear = consolidation?.fiscalYears[0];
  const totalFirstYear = firstYear === undefined ? undefined : (consolidation?.total.amounts[String(firstYear)] ?? '0');
  const done = rows.reduce((sum, row) => sum + row.doneCount, 0);
  const total = rows.reduce((sum, row) => sum + row.subProgrammeCount, 0);

  return (
    <>
      <p className="progress-summary">
        <progress max={Math.max(total, 1)} value={done} aria-label={t('progress.label')} />{' '}
        {tn('progress.summary', total, { done, total })}
      </p>
      <DataTable
        caption={t('progress.caption')}
        className="progress-table"
        head={[
          t('subProgramme.institution'),
          ...SUB_PROGRAMME_STATUSES.map((status) => numeric(SUB_PROGRAMME_STATUS_LABELS[status][language])),
          numeric(firstYear ?? t('progress.firstYear')),
          numeric(t('progress.previousYear')),
          numeric(t('progress.change')),
        ]}
      >
        <tbody>
          {rows.map((row) => (
            <tr key={row.institutionCode}>
              <th scope="row">
                <span className="code">{row.institutionCode}</span>{' '}
                {row.name !== row.institutionCode && <span className="muted">{row.name}</span>}
              </th>
              {SUB_PROGRAMME_STATUSES.map((status) => (
                <td key={status} className="num">
                  {row.counts[status]}
                </td>
              ))}
              <MoneyCell value={row.firstYear} />
              <ChangeCells previousYear={row.previousYear} changePercent={row.changePercent} />
            </tr>
          ))}
        </tbody>
        {consolidation && totalFirstYear !== undefined && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={1 + SUB_PROGRAMME_STATUSES.length}>
                {t('common.total')}
              </th>
              <MoneyCell value={totalFirstYear} />
              <ChangeCells
                previousYear={consolidation.total.previousYear}
                changePercent={changeAgainst(totalFirstYear, consolidation.total.previousYear).changePercent}
              />
            </tr>
          </tfoot>
        )}
      </DataTable>
    </>
  );
}
