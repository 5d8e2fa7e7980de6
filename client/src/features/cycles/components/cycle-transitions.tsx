import type { User } from '@ikt/shared/auth.schema';
import type { Cycle } from '@ikt/shared/cycle.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { CYCLE_TRANSITIONS, can } from '@ikt/shared/permissions';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n-context';
import { CycleTransitionDialog } from './cycle-transition-dialog';

/**
 * The moves of the cycle this user makes (shared/src/permissions.ts), where the user works with
 * the cycle. The council's approval leads to its decision page, where the totals are beside it.
 */
export function CycleTransitions({ user, cycle }: { user: User; cycle: Cycle }) {
  const { t, language } = useI18n();
  const labelId = useId();
  const [to, setTo] = useState<CycleStatus | null>(null);
  const moves = CYCLE_TRANSITIONS.filter(
    (move) => move.from === cycle.status && can(user, { action: 'cycle.transition', from: move.from, to: move.to }),
  );
  if (moves.length === 0) return null;
  return (
    <div className="cycle-moves" role="group" aria-labelledby={labelId}>
      <p id={labelId} className="cycle-moves__label">
        {t('cycleMoves.label')}
      </p>
      <div className="row-actions">
        {moves.map((move) =>
          move.to === 'approved' ? (
            <Link key={move.to} className="button" to={`/decision?cycle=${cycle.id}`}>
              {t('cycleMoves.toDecision')}
            </Link>
          ) : (
            <button key={move.to} type="button" className="button button--secondary" onClick={() => setTo(move.to)}>
              {t('admin.cycles.moveTo', { status: CYCLE_STATUS_LABELS[move.to][language] })}
            </button>
          ),
        )}
      </div>
      <CycleTransitionDialog move={to === null ? null : { cycle, to }} onClose={() => setTo(null)} />
    </div>
  );
}
