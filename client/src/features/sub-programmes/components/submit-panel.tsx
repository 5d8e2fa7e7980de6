import type { LineItem } from '@ikt/shared/line-item.schema';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import { ErrorState } from '../../../components/error-state';
import { ConfirmDialog } from '../../../components/form-actions';
import { Money } from '../../../components/money';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { localSubmitProblems, submitProblemsFromErrors, type SubmitCheckProblem } from '../utils/submit-check';
import { totalsByYear } from '../../../utils/line-item-figures';
import { SubmissionChanges } from './changes-since-submission';
import { useSubProgrammeChanges } from '../api/get-sub-programme-changes';
import { useSubmitSubProgramme } from '../api/submit-sub-programme';

interface SubmitPanelProps {
  subProgramme: SubProgramme;
  items: readonly LineItem[];
  fiscalYears: readonly number[];
  /** Where a problem's link leads: the item (and field) in this workspace. */
  problemLink: (problem: SubmitCheckProblem) => string;
  /** Told once the server accepted the submission (the panel itself then goes away). */
  onSubmitted?: () => void;
}

/**
 * What the problem list shows once a submit was tried: the screen's own check follows the items as
 * they are fixed (the list shrinks and goes when nothing is left); the server's refusal lists what
 * it said, less the problems of items changed or removed since.
 */
type ShownProblems =
  { source: 'local' } | { source: 'server'; problems: SubmitCheckProblem[]; versions: ReadonlyMap<number, number> };

/**
 * Submitting checks the same rules the server does first, and lists every problem at once with a
 * link to the item and field that has it; a refusal from the server (it may know more) is listed
 * the same way. With nothing to fix, a summary — how many items, the totals per year, what changed
 * since the last submission — is confirmed before anything is sent.
 */
export function SubmitPanel({ subProgramme, items, fiscalYears, problemLink, onSubmitted }: SubmitPanelProps) {
  const { t, language } = useI18n();
  const submit = useSubmitSubProgramme();
  const [shown, setShown] = useState<ShownProblems | null>(null);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const outstanding = localSubmitProblems(items, subProgramme.kind === 'central', language, t('submit.noItems'));
  const problems = shownProblems(shown, outstanding, items);

  function showProblems(next: ShownProblems) {
    setShown(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  }

  function onSubmit() {
    if (submit.isPending) return;
    if (outstanding.length > 0) {
      showProblems({ source: 'local' });
      return;
    }
    setShown(null);
    submit.reset();
    setConfirming(true);
  }

  function onConfirm() {
    if (submit.isPending) return;
    submit.mutate(subProgramme.id, {
      onSuccess: () => {
        setConfirming(false);
        onSubmitted?.();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
          setConfirming(false);
          showProblems({
            source: 'server',
            problems: submitProblemsFromErrors(error.errors, items),
            versions: new Map(items.map((item) => [item.id, item.version])),
          });
        }
      },
    });
  }

  const serverRefusal =
    submit.error instanceof ApiError && submit.error.status === 422 && submit.error.errors.length > 0;
  return (
    <div className="submit-panel">
      <div className="submit-panel__bar">
        <button type="button" className="button" onClick={onSubmit} aria-disabled={submit.isPending || undefined}>
          {submit.isPending ? t('submit.submitting') : t('submit.button')}
        </button>
        <span role="status" className="submit-panel__status">
          {submit.isSuccess
            ? t('submit.done')
            : outstanding.length === 0
              ? t('submit.ready')
              : t('submit.outstanding', { count: outstanding.length })}
        </span>
      </div>
      {submit.isError && !serverRefusal && !confirming && <ErrorState error={submit.error} />}
      <ConfirmDialog
        open={confirming}
        title={t('submit.confirmTitle')}
        onClose={() => setConfirming(false)}
        error={!serverRefusal && submit.error}
        confirmLabel={t('submit.confirm')}
        confirmClassName="button"
        pending={submit.isPending}
        pendingLabel={t('submit.submitting')}
        onConfirm={onConfirm}
      >
        <SubmitSummary subProgramme={subProgramme} items={items} fiscalYears={fiscalYears} />
      </ConfirmDialog>
      {problems.length > 0 && (
        <section className="error-summary" aria-labelledby={headingId}>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="error-summary__title">
            {t('submit.problemsHeading', { count: problems.length })}
          </h2>
          <ul className="error-summary__list">
            {problems.map((problem, index) => (
              <li key={`${problem.lineItemId ?? 'all'}:${problem.field}:${index}`}>
                {problem.lineItemId === null ? (
                  problem.message
                ) : (
                  <Link to={problemLink(problem)}>
                    {problem.title ?? `#${problem.lineItemId}`}: {problem.message}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function shownProblems(
  shown: ShownProblems | null,
  outstanding: SubmitCheckProblem[],
  items: readonly LineItem[],
): SubmitCheckProblem[] {
  if (!shown) return [];
  if (shown.source === 'local') return outstanding;
  const versions = new Map(items.map((item) => [item.id, item.version]));
  return shown.problems.filter(
    (problem) =>
      problem.lineItemId === null ||
      (versions.has(problem.lineItemId) && versions.get(problem.lineItemId) === shown.versions.get(problem.lineItemId)),
  );
}

/** What is about to go to ITC: how many items, the totals per year, and what changed since last time. */
function SubmitSummary({
  subProgramme,
  items,
  fiscalYears,
}: {
  subProgramme: SubProgramme;
  items: readonly LineItem[];
  fiscalYears: readonly number[];
}) {
  const { t } = useI18n();
  const changes = useSubProgrammeChanges(subProgramme.id);
  const counted = items.filter((item) => item.reviewStatus !== 'cut');
  const totals = totalsByYear(items, fiscalYears);
  return (
    <>
      <p>{t('submit.confirmText', { code: subProgramme.code })}</p>
      <dl className="facts">
        <div>
          <dt>{t('submit.itemCount')}</dt>
          <dd className="num">{counted.length}</dd>
        </div>
        {fiscalYears.map((year) => (
          <div key={year}>
            <dt>{year}</dt>
            <dd className="num">
              <Money value={totals[String(year)] ?? '0'} />
            </dd>
          </div>
        ))}
      </dl>
      <h3>{t('changes.heading')}</h3>
      <QueryView query={changes} isEmpty={() => false}>
        {(list) => <SubmissionChanges changes={list} />}
      </QueryView>
    </>
  );
}
