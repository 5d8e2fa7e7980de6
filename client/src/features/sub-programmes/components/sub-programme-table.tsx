import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, numeric } from '../../../components/data-table';
import { Money } from '../../../components/money';
import { SubProgrammeStatusBadge } from '../../../components/status-badge';
import { useT } from '../../../i18n/i18n-context';

interface SubProgrammeTableProps {
  caption: ReactNode;
  subProgrammes: readonly SubProgramme[];
  fiscalYears: readonly number[];
  /** Where a row leads: the workspace by default, the review page for ITC's queue. */
  linkTo?: (subProgramme: SubProgramme) => string;
  showInstitution?: boolean;
}

/** Sub-programmes with their status and totals per fiscal year, each a link to open it. */
export function SubProgrammeTable({
  caption,
  subProgrammes,
  fiscalYears,
  linkTo = (subProgramme) => `/sub-programmes/${subProgramme.id}`,
  showInstitution = false,
}: SubProgrammeTableProps) {
  const t = useT();
  return (
    <DataTable
      caption={caption}
      head={[
        t('common.code'),
        t('common.name'),
        showInstitution && t('subProgramme.institution'),
        t('common.status'),
        ...fiscalYears.map((year) => numeric(year)),
      ]}
    >
      <tbody>
        {subProgrammes.map((subProgramme) => (
          <tr key={subProgramme.id}>
            <th scope="row" className="code">
              <Link to={linkTo(subProgramme)}>{subProgramme.code}</Link>
            </th>
            <td>{subProgramme.name}</td>
            {showInstitution && <td className="code">{subProgramme.institutionCode}</td>}
            <td>
              <SubProgrammeStatusBadge status={subProgramme.status} />
            </td>
            {fiscalYears.map((year) => (
              <td key={year} className="num">
                <Money value={subProgramme.totals[String(year)] ?? '0'} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {subProgrammes.length > 1 && (
        <tfoot>
          <tr>
            <th scope="row" colSpan={showInstitution ? 4 : 3}>
              {t('common.total')}
            </th>
            {fiscalYears.map((year) => (
              <td key={year} className="num">
                <Money value={toMoneyString(sumMoney(subProgrammes.map((s) => s.totals[String(year)] ?? '0')))} />
              </td>
            ))}
          </tr>
        </tfoot>
      )}
    </DataTable>
  );
}
