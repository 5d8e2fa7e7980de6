import type { FullCost, PriceListEntry } from '@ikt/shared/full-cost.schema';
import { ChangePercent } from '../../../components/change-percent';
import { DataTable, numeric } from '../../../components/data-table';
import { Money } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';
import { Link } from 'react-router';
import { billPath } from '../utils/bill-link';
import { CodeName, DecimalCell, MoneyCell, useUnitName } from './figures';
import { FullCostChart } from './full-cost-chart';

/**
 * The full cost of ICT per institution in one year: its own items, its share of the central
 * services, the total, per workstation and per user beside the median, against last year; then
 * what stays unallocated and the price list; each institution opens its bill of IT. A lead's
 * answer holds its own institution only.
 */
export function FullCostView({ fullCost }: { fullCost: FullCost }) {
  const { t } = useI18n();
  const year = fullCost.fiscalYear;
  return (
    <>
      {/* Those who see every institution (the total is theirs only) see them side by side. */}
      {fullCost.total !== null && fullCost.institutions.length > 0 && (
        <FullCostChart institutions={fullCost.institutions} year={year} />
      )}
      <DataTable
        caption={t('fullCost.caption', { year })}
        head={[
          t('fullCost.institution'),
          numeric(t('fullCost.own')),
          numeric(t('fullCost.allocated')),
          numeric(t('fullCost.full')),
          numeric(t('fullCost.perWorkstation')),
          numeric(t('fullCost.perUser')),
          numeric(t('fullCost.previousYear')),
          numeric(t('fullCost.change')),
        ]}
      >
        <tbody>
          {fullCost.institutions.map((row) => (
            <tr key={row.institutionCode}>
              <th scope="row">
                <Link to={billPath(row.institutionCode, fullCost.cycleId, year)}>
                  <span className="code">{row.institutionCode}</span> {row.name}
                </Link>
              </th>
              <MoneyCell value={row.own} />
              <MoneyCell value={row.allocated} />
              <td className="num">
                <strong>
                  <Money value={row.full} />
                </strong>
              </td>
              <MoneyCell value={row.perWorkstation} />
              <MoneyCell value={row.perUser} />
              <MoneyCell value={row.previousYearFull} />
              <td className="num">
                <ChangePercent percent={row.changePercent} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('fullCost.median')}</th>
            <td colSpan={3} />
            <MoneyCell value={fullCost.medians.perWorkstation} />
            <MoneyCell value={fullCost.medians.perUser} />
            <td colSpan={2} />
          </tr>
        </tfoot>
      </DataTable>

      {fullCost.total !== null && (
        <dl className="facts">
          <div>
            <dt>{t('fullCost.total', { year })}</dt>
            <dd className="num">
              <Money value={fullCost.total} />
            </dd>
          </div>
        </dl>
      )}

      {fullCost.unallocated.length > 0 && (
        <DataTable
          caption={t('fullCost.unallocatedCaption')}
          head={[t('fullCost.service'), numeric(t('fullCost.amount'))]}
        >
          <tbody>
            {fullCost.unallocated.map((row) => (
              <tr key={row.serviceCode}>
                <CodeName code={row.serviceCode} name={row.name} />
                <MoneyCell value={row.amount} />
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}

      <PriceList entries={fullCost.priceList} />
    </>
  );
}

function PriceList({ entries }: { entries: PriceListEntry[] }) {
  const { t } = useI18n();
  const unitName = useUnitName();
  return (
    <DataTable
      caption={t('fullCost.priceListCaption')}
      head={[
        t('fullCost.service'),
        t('fullCost.unit'),
        numeric(t('fullCost.unitCost')),
        numeric(t('fullCost.previousUnitCost')),
      ]}
    >
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.serviceCode}>
            <CodeName code={entry.serviceCode} name={entry.name} />
            <td>{unitName(entry)}</td>
            <DecimalCell value={entry.unitCost} unit="€" />
            <DecimalCell value={entry.previousUnitCost} unit="€" />
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
