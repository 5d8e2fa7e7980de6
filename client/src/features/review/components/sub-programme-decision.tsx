import type { CycleStatus } from '@ikt/shared/domain';
import type { Comment, LineItem } from '@ikt/shared/line-item.schema';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useId, useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { CommentField } from '../../../components/form-field';
import { BusyButton, ConfirmDialog } from '../../../components/form-actions';
import { QueryView } from '../../../components/query-view';
import { useCommentDraft } from '../../../hooks/use-comment-draft';
import { useI18n } from '../../../i18n/i18n-context';
import { CommentList } from '../../../components/comment-list';
import { useAcceptSubProgramme } from '../api/accept-sub-programme';
import { useSubProgrammeComments } from '../../../api/sub-programmes/get-sub-programme-comments';
import { useReturnSubProgramme } from '../api/return-sub-programme';

interface SubProgrammeDecisionProps {
  subProgramme: SubProgramme;
  cycleStatus: CycleStatus;
  /** The items ITC has returned so far: what a return of the whole sends back. */
  returnedItems: readonly LineItem[];
  threads: ReadonlyMap<number, readonly Comment[]>;
  canAccept: boolean;
  canReturn: boolean;
}

/**
 * The review thread of the whole sub-programme, and ITC's decision on it, made after the items:
 * accepting is refused while an item is returned; returning first shows what goes back and why.
 */
export function SubProgrammeDecision({
  subProgramme,
  cycleStatus,
  returnedItems,
  threads,
  canAccept,
  canReturn,
}: SubProgrammeDecisionProps) {
  const { t } = useI18n();
  const headingId = useId();
  const comments = useSubProgrammeComments(subProgramme.id);
  const accept = useAcceptSubProgramme();
  const giveBack = useReturnSubProgramme();
  const comment = useCommentDraft();
  const [confirmingReturn, setConfirmingReturn] = useState(false);
  const error = accept.error ?? (confirmingReturn ? null : giveBack.error);
  const busy = accept.isPending || giveBack.isPending;
  const acceptBlocked = canAccept && returnedItems.length > 0;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('review.subProgrammeHeading')}</h2>
      <QueryView query={comments} isEmpty={() => false}>
        {(list) => <CommentList comments={list} />}
      </QueryView>
      {(canAccept || canReturn) && (
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          {error && <ErrorState error={error} />}
          {acceptBlocked && <p className="notice">{t('review.acceptBlocked', { count: returnedItems.length })}</p>}
          <CommentField
            label={t('review.comment')}
            hint={t('review.commentHint')}
            {...comment.field(t('review.commentRequired'))}
          />
          <div className="form-actions">
            {canAccept && !acceptBlocked && (
              <BusyButton
                busy={busy}
                onClick={() => {
                  comment.check(false);
                  accept.mutate(
                    { id: subProgramme.id, ...(comment.text ? { comment: comment.text } : {}) },
                    { onSuccess: comment.clear },
                  );
                }}
              >
                {t('review.acceptSubProgramme')}
              </BusyButton>
            )}
            {canReturn && (
              <BusyButton
                className="button button--warn"
                busy={busy}
                onClick={() => {
                  if (!comment.check(true)) return;
                  giveBack.reset();
                  setConfirmingReturn(true);
                }}
              >
                {t('review.returnSubProgramme')}
              </BusyButton>
            )}
            <span role="status">
              {accept.isSuccess
                ? t('review.subProgrammeAccepted')
                : giveBack.isSuccess
                  ? t('review.subProgrammeReturned')
                  : ''}
            </span>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirmingReturn}
        title={t('review.returnConfirmTitle', { code: subProgramme.code })}
        onClose={() => setConfirmingReturn(false)}
        wide
        error={giveBack.error}
        confirmLabel={t('review.returnConfirm')}
        confirmClassName="button button--warn"
        pending={giveBack.isPending}
        onConfirm={() =>
          giveBack.mutate(
            { id: subProgramme.id, comment: comment.text },
            {
              onSuccess: () => {
                comment.clear();
                setConfirmingReturn(false);
              },
            },
          )
        }
      >
        <ReturnSummary
          comment={comment.text}
          cycleStatus={cycleStatus}
          returnedItems={returnedItems}
          threads={threads}
        />
      </ConfirmDialog>
    </section>
  );
}

/** What a return sends back: ITC's words on the whole, and each returned item with its comment. */
function ReturnSummary({
  comment,
  cycleStatus,
  returnedItems,
  threads,
}: {
  comment: string;
  cycleStatus: CycleStatus;
  returnedItems: readonly LineItem[];
  threads: ReadonlyMap<number, readonly Comment[]>;
}) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('review.returnSummaryComment')}</h3>
      <p className="return-summary__comment">{comment}</p>
      <h3>{t('review.returnSummaryItems', { count: returnedItems.length })}</h3>
      {returnedItems.length === 0 ? (
        <p className="hint">
          {cycleStatus === 'review' ? t('review.returnNoItemsInReview') : t('review.returnNoItemsOpen')}
        </p>
      ) : (
        <ul className="return-summary">
          {returnedItems.map((item) => {
            const lastReturn = (threads.get(item.id) ?? []).filter((c) => c.kind === 'return').slice(-1);
            return (
              <li key={item.id}>
                <p className="return-summary__title">{item.title}</p>
                {lastReturn.length > 0 ? (
                  <CommentList comments={lastReturn} />
                ) : (
                  <p className="hint">{t('review.returnNoComment')}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
