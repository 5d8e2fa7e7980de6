import { useParams } from 'react-router';
import { QueryView } from '../../components/query-view';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { DownloadButton } from '../../features/exports/components/download-button';
import { useBill } from '../../features/full-cost/api/get-full-cost';
import { BillView } from '../../features/full-cost/components/bill-view';
import { FiscalYearPicker } from '../../features/full-cost/components/fiscal-year-picker';
import { useFiscalYear } from '../../features/full-cost/hooks/use-fiscal-year';
import { billWorkbookUrl } from '../../features/full-cost/utils/bill-link';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { isNotFound, NotFoundRoute } from './not-found';

/** One institution's bill of IT (a lead: its own; another institution's is as missing as an unknown one). */
export function BillRoute() {
  const { t } = useI18n();
  const institutionCode = useParams().institutionCode ?? '';
  const { query, cycle, cycles } = useCurrentCycle();
  const [fiscalYear, setFiscalYear] = useFiscalYear(cycle);
  const bill = useBill(cycle?.id, institutionCode, fiscalYear);
  const name = bill.data?.institution.name;
  const title = name ? t('bill.title', { institution: name }) : t('bill.heading');
  useDocumentTitle(title);
  if (bill.error && isNotFound(bill.error)) return <NotFoundRoute />;
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{t('bill.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle &&
          fiscalYear !== undefined && (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
                <FiscalYearPicker years={cycle.fiscalYears} value={fiscalYear} onChange={setFiscalYear} />
                <DownloadButton
                  url={billWorkbookUrl(cycle.id, institutionCode, fiscalYear)}
                  fallbackName={`IT-rekins-${institutionCode}-${fiscalYear}.xlsx`}
                  label={t('bill.download')}
                />
              </div>
              <QueryView query={bill} isEmpty={() => false}>
                {(data) => <BillView bill={data} />}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </>
  );
}
