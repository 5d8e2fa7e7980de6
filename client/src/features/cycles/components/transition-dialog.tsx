import type { Cycle } from '@ikt/shared/cycle.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { useI18n } from '../../../i18n/i18n-context';
import { useTransitionCycle } from '../api/transition-cycle';
import { TransitionOverride, needsOverride } from './transition-override';

interface CycleTransitionDialogProps {
  cycle: Cycle;
  /** The status to move to; null while the dialog is closed. */
  to: CycleStatus | null;
  onClose: () => void;
  /** The words of a move with its own name (the council's approval); the generic ones otherwise. */
  wording?: { title: string; text: string; confirm: string } | undefined;
  onMoved?: (cycle: Cycle) => void;
}

/**
 * Asks before a cycle moves on, then moves it. When the server lists what stands in the way, the
 * list and a reason to go on anyway take the place of the question.
 */
export function CycleTransitionDialog({ cycle, to, onClose, wording, onMoved }: CycleTransitionDialogProps) {
  const { t, language } = useI18n();
  const transition = useTransitionCycle();
  const close = () => {
    transition.reset();
    onClose();
  };
  const move = (overrideReason?: string) => {
    if (to === null || transition.isPending) return;
    transition.mutate(
      { cycleId: cycle.id, to, overrideReason },
      {
        onSuccess: (moved) => {
          close();
          onMoved?.(moved);
        },
      },
    );
  };
  const words = wording ?? {
    title: t('admin.cycles.confirmTitle'),
    text:
      to === null
        ? ''
        : t('admin.cycles.confirmText', {
            cycle: cycle.title,
            from: CYCLE_STATUS_LABELS[cycle.status][language],
            to: CYCLE_STATUS_LABELS[to][language],
          }),
    confirm: t('admin.cycles.confirmYes'),
  };

  return (
    <Dialog open={to !== null} title={words.title} onClose={close}>
      {needsOverride(transition.error) ? (
        <TransitionOverride
          error={transition.error}
          pending={transition.isPending}
          onConfirm={(reason) => move(reason)}
          onCancel={close}
        />
      ) : (
        <>
          <p>{words.text}</p>
          {transition.error && <ErrorState error={transition.error} />}
          <div className="form-actions">
            <button
              type="button"
              className="button"
              aria-disabled={transition.isPending || undefined}
              onClick={() => move()}
            >
              {transition.isPending ? t('common.saving') : words.confirm}
            </button>
            <button type="button" className="button button--quiet" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
