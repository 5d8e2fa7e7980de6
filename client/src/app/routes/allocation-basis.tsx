import { can } from '@ikt/shared/permissions';
import { useId } from 'react';
import { useInstitutions } from '../../api/reference/get-institutions';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { DownloadButton } from '../../features/exports/components/download-button';
import {
  consumptionWorkbookUrl,
  useServiceConsumption,
  useServiceDrivers,
} from '../../features/full-cost/api/allocation-basis';
import { ConsumptionGrid } from '../../features/full-cost/components/consumption-grid';
import { ConsumptionImport } from '../../features/full-cost/components/consumption-import';
import { DriversForm } from '../../features/full-cost/components/drivers-form';
import { useI18n } from '../../i18n/i18n-context';
import { FullCostPage, type CycleYear } from './full-cost-page';
import { NotFoundRoute } from './not-found';

/**
 * "Pakalpojumu uzskaites vienības un patēriņš": ITC records each service's driver and what each
 * institution consumes, the basis the central sub-programme is allocated by. Nobody else has
 * such a page (the server refuses them too).
 */
export function AllocationBasisRoute() {
  const { t } = useI18n();
  const user = useUser();
  if (!can(user, { action: 'allocationBasis.manage' })) return <NotFoundRoute />;
  return (
    <FullCostPage title={t('basis.title')} intro={t('basis.intro')}>
      {(scope) => <AllocationBasis key={scope.cycle.id} {...scope} />}
    </FullCostPage>
  );
}

function AllocationBasis({ cycle, fiscalYear }: CycleYear) {
  const { t } = useI18n();
  const driversHeading = useId();
  const consumptionHeading = useId();
  const drivers = useServiceDrivers(cycle.id);
  const consumption = useServiceConsumption(cycle.id);
  const institutions = useInstitutions();
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
        <h2 id={consumptionHeading}>{t('basis.consumptionHeading')}</h2>
        <div className="filter-bar">
          <DownloadButton
            url={consumptionWorkbookUrl(cycle.id)}
            fallbackName="pakalpojumu-paterins.xlsx"
            label={t('basis.downloadTemplate')}
          />
          {consumption.data && <ConsumptionImport cycleId={cycle.id} version={consumption.data.version} />}
        </div>
        <QueryView query={drivers} isEmpty={() => false}>
          {(driverData) => (
            <QueryView query={consumption} isEmpty={() => false}>
              {(consumptionData) => (
                <QueryView query={institutions}>
                  {(institutionList) => (
                    <ConsumptionGrid
                      drivers={driverData}
                      consumption={consumptionData}
                      institutions={institutionList}
                      fiscalYear={fiscalYear}
                    />
                  )}
                </QueryView>
              )}
            </QueryView>
          )}
        </QueryView>
      </section>
    </>
  );
}
