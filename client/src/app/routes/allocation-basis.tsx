import type { Cycle } from '@ikt/shared/cycle.schema';
import { can } from '@ikt/shared/permissions';
import { useId } from 'react';
import { useInstitutions } from '../../api/reference/get-institutions';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { DownloadButton } from '../../features/exports/components/download-button';
import {
  consumptionWorkbookUrl,
  useServiceConsumption,
  useServiceDrivers,
} from '../../features/full-cost/api/allocation-basis';
import { ConsumptionGrid } from '../../features/full-cost/components/consumption-grid';
import { ConsumptionImport } from '../../features/full-cost/components/consumption-import';
import { DriversForm } from '../../features/full-cost/components/drivers-form';
import { FiscalYearPicker } from '../../features/full-cost/components/fiscal-year-picker';
import { useFiscalYear } from '../../features/full-cost/hooks/use-fiscal-year';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { NotFoundRoute } from './not-found';

/**
 * "Pakalpojumu uzskaites vienības un patēriņš": ITC records each service's driver and what each
 * institution consumes, the basis the central sub-programme is allocated by. Others have no
 * such page (the server refuses them too).
 */
export function AllocationBasisRoute() {
  const user = useUser();
  if (!can(user, { action: 'allocationBasis.manage' })) return <NotFoundRoute />;
  return <AllocationBasisPage />;
}

function AllocationBasisPage() {
  const { t } = useI18n();
  useDocumentTitle(t('basis.title'));
  const { query, cycle, cycles } = useCurrentCycle();
  return (
    <>
      <h1>{t('basis.title')}</h1>
      <p className="lead">{t('basis.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle && (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
              </div>
              <Basis key={cycle.id} cycle={cycle} />
            </>
          )
        }
      </QueryView>
    </>
  );
}

function Basis({ cycle }: { cycle: Cycle }) {
  const cycleId = cycle.id;
  const { t } = useI18n();
  const driversHeading = useId();
  const consumptionHeading = useId();
  const drivers = useServiceDrivers(cycleId);
  const consumption = useServiceConsumption(cycleId);
  const institutions = useInstitutions();
  const [fiscalYear, setFiscalYear] = useFiscalYear(cycle);
  return (
    <>
      <section className="panel" aria-labelledby={driversHeading}>
        <h2 id={driversHeading}>{t('basis.driversHeading')}</h2>
        <p>{t('basis.driversIntro')}</p>
        <QueryView query={drivers} isEmpty={() => false}>
          {(data) => <DriversForm drivers={data} />}
        </QueryView>
      </section>
      <section className="panel" aria-labelledby={consumptionHeading}>
        <div className="panel__header">
          <h2 id={consumptionHeading}>{t('basis.consumptionHeading')}</h2>
          {fiscalYear !== undefined && (
            <FiscalYearPicker years={cycle.fiscalYears} value={fiscalYear} onChange={setFiscalYear} />
          )}
        </div>
        <div className="filter-bar">
          <DownloadButton
            url={consumptionWorkbookUrl(cycleId)}
            fallbackName="pakalpojumu-paterins.xlsx"
            label={t('basis.downloadTemplate')}
          />
          {consumption.data && <ConsumptionImport cycleId={cycleId} version={consumption.data.version} />}
        </div>
        <QueryView query={drivers} isEmpty={() => false}>
          {(driverData) => (
            <QueryView query={consumption} isEmpty={() => false}>
              {(consumptionData) => (
                <QueryView query={institutions}>
                  {(institutionList) =>
                    fiscalYear !== undefined && (
                      <ConsumptionGrid
                        drivers={driverData}
                        consumption={consumptionData}
                        institutions={institutionList}
                        fiscalYear={fiscalYear}
                      />
                    )
                  }
                </QueryView>
              )}
            </QueryView>
          )}
        </QueryView>
      </section>
    </>
  );
}
