import { useParams } from 'react-router';
import { QueryView } from '../../components/query-view';
import { DownloadButton } from '../../features/exports/components/download-button';
import { useBill } from '../../features/full-cost/api/get-full-cost';
import { BillView } from '../../features/full-cost/components/bill-view';
import { billWorkbookUrl } from '../../features/full-cost/utils/bill-link';
import { useI18n } from '../../i18n/i18n-context';
import { FullCostPage, type CycleYear } from './full-cost-page';

/**
 * One institution's bill of IT. A lead gets its own; another institution's is as missing as an
 * unknown one (the server's 404, said in its words).
 */
export function BillRoute() {
  const { t } = useI18n();
  const institutionCode = useParams().institutionCode ?? '';
  return (
    <FullCostPage
      title={t('bill.title', { institution: institutionCode })}
      intro={t('bill.intro')}
      actions={({ cycle, fiscalYear }) => (
        <DownloadButton
          url={billWorkbookUrl(cycle.id, institutionCode, fiscalYear)}
          fallbackName={`IT-rekins-${institutionCode}-${fiscalYear}.xlsx`}
          label={t('bill.download')}
        />
      )}
    >
      {(scope) => <BillOfYear {...scope} institutionCode={institutionCode} />}
    </FullCostPage>
  );
}

function BillOfYear({ cycle, fiscalYear, institutionCode }: CycleYear & { institutionCode: string }) {
  const bill = useBill(cycle.id, institutionCode, fiscalYear);
  return (
    <QueryView query={bill} isEmpty={() => false}>
      {(data) => <BillView bill={data} />}
    </QueryView>
  );
}
