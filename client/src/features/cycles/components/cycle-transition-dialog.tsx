import type { Cycle } from '@ikt/shared/cycle.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { DataTable } from '../../../components/data-table';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { FormActions } from '../../../components/form-actions';
import { CommentField } from '../../../components/form-field';
import { SubProgrammeStatusBadge } from '../../../components/status-badge';
import { useCommentDraft } from '../../../hooks/use-comment-draft';
import { useI18n } from '../../../i18n/i18n-context';
import { useSubProgrammes } from '../../../api/sub-programmes/get-sub-programmes';
import { useTransitionCycle } from '../api/transition-cycle';
import { PageLoading } from '../../../components/page-loading';

/** Statuses a cycle reaches only with every sub-programme accepted, or with a reason (the server's rule). */
const NEEDS_ACCEPTED: readonly CycleStatus[] = ['consolidated', 'approved'];

export interface CycleMove {
  cycle: Cycle;
  to: CycleStatus;
}

/** The words of a move with its own name (the council's approval); the generic ones otherwise. */
export interface MoveWording {
  title: string;
  text: string;
  confirm: string;
}

interface CycleTransitionDialogProps {
  /** The move to confirm; `null` keeps the dialog closed. */
  move: CycleMove | null;
  onClose: () => void;
  wording?: MoveWording | undefined;
  onMoved?: (cycle: Cycle) => void;
}

/**
 * Confirms a cycle transition. Into `consolidated` or `approved` it lists every sub-programme not
 * accepted yet and asks why the cycle moves on without them; the reason goes with the request
 * (`overrideReason`), into the audit trail and the Finance Department workbook. Used wherever a
 * role moves a cycle (the admin cycles table, the home page's cycle moves, the council's page).
 */
export function CycleTransitionDialog({ move, onClose, wording, onMoved }: CycleTransitionDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={move !== null} title={wording?.title ?? t('admin.cycles.confirmTitle')} onClose={onClose} wide>
      {move && (
        <TransitionForm
          key={`${move.cycle.id}:${move.to}`}
          move={move}
          onClose={onClose}
          wording={wording}
          onMoved={onMoved}
        />
      )}
    </Dialog>
  );
}

function TransitionForm({
  move: { cycle, to },
  onClose,
  wording,
  onMoved,
}: {
  move: CycleMove;
  onClose: () => void;
  wording: MoveWording | undefined;
  onMoved: ((cycle: Cycle) => void) | undefined;
}) {
  const { t, language } = useI18n();
  const transition = useTransitionCycle();
  const checksAccepted = NEEDS_ACCEPTED.includes(to);
  const subProgrammes = useSubProgrammes(checksAccepted ? cycle.id : undefined);
  const pending = (subProgrammes.data ?? []).filter((subProgramme) => subProgramme.status !== 'accepted');
  const needsReason = checksAccepted && pending.length > 0;
  const reason = useCommentDraft();
  const loading = checksAccepted && subProgrammes.isPending;

  function confirm() {
    if (transition.isPending || loading || !reason.check(needsReason)) return;
    transition.mutate(
      { cycleId: cycle.id, to, ...(needsReason ? { overrideReason: reason.text } : {}) },
      {
        onSuccess: (moved) => {
          onMoved?.(moved);
          onClose();
        },
      },
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        confirm();
      }}
    >
      <p>
        {wording?.text ??
          t('admin.cycles.confirmText', {
            cycle: cycle.title,
            from: CYCLE_STATUS_LABELS[cycle.status][language],
            to: CYCLE_STATUS_LABELS[to][language],
          })}
      </p>
      {checksAccepted && subProgrammes.isError && <ErrorState error={subProgrammes.error} />}
      {loading && <PageLoading />}
      {needsReason && (
        <>
          <p className="notice">{t('transition.pendingIntro', { to: CYCLE_STATUS_LABELS[to][language] })}</p>
          <DataTable
            caption={t('transition.pendingCaption', { count: pending.length })}
            head={[t('transition.code'), t('common.name'), t('transition.institution'), t('common.status')]}
          >
            <tbody>
              {pending.map((subProgramme) => (
                <tr key={subProgramme.id}>
                  <th scope="row" className="code">
                    {subProgramme.code}
                  </th>
                  <td>{subProgramme.name}</td>
                  <td className="code">{subProgramme.institutionCode}</td>
                  <td>
                    <SubProgrammeStatusBadge status={subProgramme.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <CommentField
            label={t('transition.reason')}
            hint={t('transition.reasonHint')}
            maxLength={2000}
            {...reason.field(t('transition.reasonRequired'))}
          />
        </>
      )}
      {transition.isError && <ErrorState error={transition.error} />}
      <FormActions
        pending={transition.isPending}
        label={wording?.confirm ?? t('admin.cycles.confirmYes')}
        disabled={transition.isPending || loading}
        onCancel={onClose}
      />
    </form>
  );
}
