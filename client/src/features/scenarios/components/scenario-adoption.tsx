import type { User } from '@ikt/shared/auth.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { can } from '@ikt/shared/permissions';
import { BusyButton } from '../../../components/form-actions';
import { ErrorState } from '../../../components/error-state';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import type { ScenarioSummary } from '../api/get-scenarios';
import { useRecomputeScenario } from '../api/recompute-scenario';
import { AdoptButton } from './scenario-comparison';

/**
 * What can be done with a scenario now, or why not: adopt it (the council, while the cycle is in
 * review or consolidated); a stale one — computed on items that have changed since, which the
 * server would refuse (409) — is computed again first.
 */
export function ScenarioAdoption({
  scenario,
  user,
  cycleStatus,
}: {
  scenario: ScenarioSummary;
  user: User;
  cycleStatus: CycleStatus;
}) {
  const { t, language } = useI18n();
  const recompute = useRecomputeScenario();
  if (scenario.adoptedAt) {
    return (
      <span className="badge badge--ok">
        {t('scenarios.adoptedAt', { when: formatDateTime(scenario.adoptedAt, language) })}
      </span>
    );
  }
  const mayAdopt = can(user, { action: 'scenario.adopt' });
  if (scenario.stale) {
    return (
      <div className="scenario-adoption">
        <span className="badge badge--warn">{t('scenarios.stale')}</span>
        <p className="scenario-adoption__reason">{t('scenarios.staleReason')}</p>
        {can(user, { action: 'scenario.create' }) && (
          <BusyButton
            className="button button--secondary"
            busy={recompute.isPending}
            onClick={() => recompute.mutate(scenario)}
          >
            {recompute.isPending ? t('scenarios.recomputing') : t('scenarios.recompute')}
            <span className="visually-hidden"> {scenario.name}</span>
          </BusyButton>
        )}
        {recompute.isError && <ErrorState error={recompute.error} />}
        <span role="status" className="visually-hidden">
          {recompute.isSuccess ? t('scenarios.recomputed', { name: scenario.name }) : ''}
        </span>
      </div>
    );
  }
  const adoptable = cycleStatus === 'review' || cycleStatus === 'consolidated';
  return (
    <div className="scenario-adoption">
      <span className="badge badge--info">{t('scenarios.current')}</span>
      {mayAdopt && adoptable && <AdoptButton scenario={scenario} />}
      {mayAdopt && !adoptable && <p className="scenario-adoption__reason">{t('scenarios.adoptWhen')}</p>}
    </div>
  );
}
