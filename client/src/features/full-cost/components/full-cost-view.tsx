import type { FullCost, PriceListEntry } from '@ikt/shared/full-cost.schema';
import { ChangePercent } from '../../../components/change-percent';
import { DataTable, numeric } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Money } from '../../../components/money';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';

/** An amount, or a dash with words for a screen reader where there is none. */
function MoneyOrNone({ value, none }: { value: string | null; none: string }) {
  return value === null ? <MissingValue label={none} /> : <Money value={value} />;
}

/**
 * The full cost of ICT per institution in one year: its own items, its share of the central
 * services, the total, per workstation and per user beside the median, against last year; then
 * what stays unallocated and the price list. A lead's answer holds its own institution only.
 */
export function FullCostView({ fullCost }: { fullCost: FullCost }) {
  const { t } = useI18n();
  const none = t('fullCost.none');
  const year = fullCost.fiscalYear;
  return (
    <>
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
                <span className="code">{row.institutionCode}</span> {row.name}
              </th>
              <td className="num">
                <Money value={row.own} />
              </td>
              <td className="num">
                <Money value={row.allocated} />
              </td>
              <td className="num">
                <strong>
                  <Money value={row.full} />
                </strong>
              </td>
              <td className="num">
                <MoneyOrNone value={row.perWorkstation} none={none} />
              </td>
              <td className="num">
                <MoneyOrNone value={row.perUser} none={none} />
              </td>
              <td className="num">
                <MoneyOrNone value={row.previousYearFull} none={none} />
              </td>
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
            <td className="num">
              <MoneyOrNone value={fullCost.medians.perWorkstation} none={none} />
            </td>
            <td className="num">
              <MoneyOrNone value={fullCost.medians.perUser} none={none} />
            </td>
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
                <th scope="row">
                  {row.serviceCode && <span className="code">{row.serviceCode}</span>} {row.name}
                </th>
                <td className="num">
                  <Money value={row.amount} />
                </td>
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
  const { t, language } = useI18n();
  const none = t('fullCost.none');
  const rate = (value: string | null) =>
    value === null ? (
      <MissingValue label={none} />
    ) : (
      <span className="num">{`${formatDecimal(value, language)}\u00a0€`}</span>
    );
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
            <th scope="row">
              <span className="code">{entry.serviceCode}</span> {entry.name}
            </th>
            <td>{entry.direct ? t('fullCost.direct') : ((language === 'lv' ? entry.unitLv : entry.unitEn) ?? none)}</td>
            <td className="num">{rate(entry.unitCost)}</td>
            <td className="num">{rate(entry.previousUnitCost)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
