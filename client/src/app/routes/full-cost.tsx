import { can } from '@ikt/shared/permissions';
import { Link } from 'react-router';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useFullCost } from '../../features/full-cost/api/get-full-cost';
import { FiscalYearPicker } from '../../features/full-cost/components/fiscal-year-picker';
import { FullCostView } from '../../features/full-cost/components/full-cost-view';
import { useFiscalYear } from '../../features/full-cost/hooks/use-fiscal-year';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/** The full cost of ICT per institution: the central sub-programme attributed to those who use it. */
export function FullCostRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('fullCost.title'));
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();
  const [fiscalYear, setFiscalYear] = useFiscalYear(cycle);
  const fullCost = useFullCost(cycle?.id, fiscalYear);
  return (
    <>
      <h1>{t('fullCost.title')}</h1>
      <p className="lead">{t('fullCost.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle &&
          fiscalYear !== undefined && (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
                <FiscalYearPicker years={cycle.fiscalYears} value={fiscalYear} onChange={setFiscalYear} />
                {can(user, { action: 'allocationBasis.manage' }) && (
                  <Link to={`/allocation-basis?cycle=${cycle.id}&year=${fiscalYear}`}>{t('nav.allocationBasis')}</Link>
                )}
              </div>
              <QueryView query={fullCost} isEmpty={() => false}>
                {(data) => <FullCostView fullCost={data} />}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </>
  );
}
