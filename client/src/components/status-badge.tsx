import type { CycleStatus, ReviewStatus, SubProgrammeStatus } from '@ikt/shared/domain';
import { CYCLE_STATUS_LABELS, REVIEW_STATUS_LABELS, SUB_PROGRAMME_STATUS_LABELS } from '@ikt/shared/labels';
import { useI18n } from '../i18n/i18n-context';

type Tone = 'neutral' | 'info' | 'ok' | 'warn' | 'danger';

const REVIEW_TONES: Record<ReviewStatus, Tone> = {
  draft: 'neutral',
  submitted: 'info',
  accepted: 'ok',
  returned: 'warn',
  cut: 'danger',
};

const CYCLE_TONES: Record<CycleStatus, Tone> = {
  draft: 'neutral',
  open: 'info',
  review: 'warn',
  consolidated: 'info',
  approved: 'ok',
  closed: 'neutral',
};

/** A status in words (never colour alone), tinted so a list can be scanned. */
function Badge({ tone, children }: { tone: Tone; children: string }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  const { language } = useI18n();
  return <Badge tone={REVIEW_TONES[status]}>{REVIEW_STATUS_LABELS[status][language]}</Badge>;
}

export function SubProgrammeStatusBadge({ status }: { status: SubProgrammeStatus }) {
  const { language } = useI18n();
  return <Badge tone={REVIEW_TONES[status]}>{SUB_PROGRAMME_STATUS_LABELS[status][language]}</Badge>;
}

export function CycleStatusBadge({ status }: { status: CycleStatus }) {
  const { language } = useI18n();
  return <Badge tone={CYCLE_TONES[status]}>{CYCLE_STATUS_LABELS[status][language]}</Badge>;
}
