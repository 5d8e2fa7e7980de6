import { can } from '@ikt/shared/permissions';
import { useId } from 'react';
import { QueryView } from '../../components/query-view';
import { useUser } from '../../hooks/use-user';
import { CyclePicker } from '../../features/cycles/components/cycle-picker';
import { useCurrentCycle } from '../../features/cycles/hooks/use-current-cycle';
import { useFullCostIndicators } from '../../features/indicators/api/get-full-cost-indicators';
import { useIndicators } from '../../features/indicators/api/get-indicators';
import { FullCostIndicatorsView } from '../../features/indicators/components/full-cost-indicators-view';
import { IndicatorInputsForm } from '../../features/indicators/components/indicator-inputs-form';
import { IndicatorsView } from '../../features/indicators/components/indicators-view';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/** The M6 efficiency indicators against the benchmarks; ITC keeps their inputs up to date. */
export function IndicatorsRoute() {
  const { t } = useI18n();
  useDocumentTitle(t('indicators.title'));
  const user = useUser();
  const { query, cycle, cycles } = useCurrentCycle();
  const indicators = useIndicators(cycle?.id);
  const fullCost = useFullCostIndicators(cycle?.id);
  const inputsHeadingId = useId();
  const fullCostHeadingId = useId();
  return (
    <>
      <h1>{t('indicators.title')}</h1>
      <p className="lead">{t('indicators.intro')}</p>
      <QueryView query={query}>
        {() =>
          cycle && (
            <>
              <div className="filter-bar">
                <CyclePicker cycles={cycles} current={cycle} />
              </div>
              <QueryView query={indicators} isEmpty={() => false}>
                {(data) => (
                  <>
                    <IndicatorsView indicators={data} />
                    <section className="panel" aria-labelledby={fullCostHeadingId}>
                      <h2 id={fullCostHeadingId}>{t('indicators.fullCost.heading')}</h2>
                      <QueryView query={fullCost} isEmpty={(figures) => figures.institutions.length === 0}>
                        {(figures) => <FullCostIndicatorsView figures={figures} />}
                      </QueryView>
                    </section>
                    {can(user, { action: 'indicators.manage' }) && (
                      <section className="panel" aria-labelledby={inputsHeadingId}>
                        <h2 id={inputsHeadingId}>{t('indicators.inputsHeading')}</h2>
                        <IndicatorInputsForm key={`${cycle.id}`} cycleId={cycle.id} indicators={data} />
                      </section>
                    )}
                  </>
                )}
              </QueryView>
            </>
          )
        }
      </QueryView>
    </>
  );
}
