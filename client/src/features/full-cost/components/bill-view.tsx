import type { Bill } from '@ikt/shared/full-cost.schema';
import { ChangePercent } from '../../../components/change-percent';
import { DataTable, numeric } from '../../../components/data-table';
import { Money } from '../../../components/money';
import { useI18n } from '../../../i18n/i18n-context';
import { CodeName, DecimalCell, Facts, MoneyCell, MoneyOrNone, TotalRow, useUnitName } from './figures';

/**
 * An institution's bill of IT for one year: the central services it consumed × their unit cost,
 * its own items, the totals, and its cost per workstation and per user beside the city's median.
 */
export function BillView({ bill }: { bill: Bill }) {
  const { t } = useI18n();
  const unitName = useUnitName();
  const { institution, fiscalYear: year } = bill;
  return (
    <>
      <p className="lead">
        <span className="code">{institution.institutionCode}</span> {institution.name}
      </p>
      <Facts
        facts={[
          [t('fullCost.own'), <Money key="own" value={institution.own} />],
          [t('fullCost.allocated'), <Money key="allocated" value={institution.allocated} />],
          [
            t('fullCost.full'),
            <strong key="full">
              <Money value={institution.full} />
            </strong>,
          ],
          [
            t('fullCost.previousYear'),
            <span key="previous">
              <MoneyOrNone value={institution.previousYearFull} /> (
              <ChangePercent percent={institution.changePercent} />)
            </span>,
          ],
        ]}
      />

      <DataTable
        caption={t('bill.servicesCaption', { year })}
        head={[
          t('fullCost.service'),
          t('fullCost.unit'),
          numeric(t('bill.quantity')),
          numeric(t('fullCost.unitCost')),
          numeric(t('fullCost.amount')),
        ]}
      >
        <tbody>
          {bill.services.map((service) => (
            <tr key={service.serviceCode}>
              <CodeName code={service.serviceCode} name={service.name} />
              <td>{unitName(service)}</td>
              <DecimalCell value={service.quantity} />
              <DecimalCell value={service.unitCost} unit="€" />
              <MoneyCell value={service.amount} />
            </tr>
          ))}
        </tbody>
        <TotalRow label={t('fullCost.allocated')} span={4} amount={institution.allocated} />
      </DataTable>

      <DataTable
        caption={t('bill.ownItemsCaption', { year })}
        head={[
          t('bill.subProgramme'),
          t('bill.item'),
          t('bill.ekk'),
          t('fullCost.service'),
          numeric(t('fullCost.amount')),
        ]}
      >
        <tbody>
          {bill.ownItems.map((item) => (
            <tr key={item.lineItemId}>
              <td className="code">{item.subProgrammeCode}</td>
              <th scope="row">{item.title}</th>
              <td className="code">{item.ekkCode}</td>
              <td className="code">{item.ictServiceCode ?? ''}</td>
              <MoneyCell value={item.amount} />
            </tr>
          ))}
        </tbody>
        <TotalRow label={t('fullCost.own')} span={4} amount={institution.own} />
      </DataTable>

      <DataTable
        caption={t('bill.benchmarkCaption')}
        head={[t('fullCost.institution'), numeric(t('fullCost.perWorkstation')), numeric(t('fullCost.perUser'))]}
      >
        <tbody>
          {[
            { label: institution.name, figures: institution },
            { label: t('fullCost.median'), figures: bill.medians },
          ].map(({ label, figures }) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <MoneyCell value={figures.perWorkstation} />
              <MoneyCell value={figures.perUser} />
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
