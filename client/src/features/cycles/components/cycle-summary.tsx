import type { Cycle } from '@ikt/shared/cycle.schema';
import { CycleStatusBadge } from '../../../components/status-badge';
import { daysUntil, formatDate, todayInRiga } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';

/** The cycle's status, deadline (and how far off it is) and its three fiscal years. */
export function CycleSummary({ cycle }: { cycle: Cycle }) {
  const { t, tn } = useI18n();
  const days = cycle.submissionDeadline ? daysUntil(cycle.submissionDeadline, todayInRiga()) : undefined;
  const showCountdown = cycle.status === 'open' || cycle.status === 'draft';
  return (
    <dl className="facts">
      <div>
        <dt>{t('cycle.status')}</dt>
        <dd>
          <CycleStatusBadge status={cycle.status} />
        </dd>
      </div>
      <div>
        <dt>{t('cycle.deadline')}</dt>
        <dd>
          {cycle.submissionDeadline ? (
            <>
              <span className="num">{formatDate(cycle.submissionDeadline)}</span>
              {showCountdown && days !== undefined && (
                <span className={days < 0 ? 'facts__note facts__note--late' : 'facts__note'}>
                  {days >= 1
                    ? tn('cycle.daysLeft', days)
                    : days === 0
                      ? t('cycle.dueToday')
                      : t('cycle.deadlinePassed')}
                </span>
              )}
            </>
          ) : (
            t('cycle.noDeadline')
          )}
        </dd>
      </div>
      <div>
        <dt>{t('cycle.fiscalYears')}</dt>
        <dd className="num">{cycle.fiscalYears.join(', ')}</dd>
      </div>
    </dl>
  );
}
