import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useId, useState } from 'react';
import { ErrorState } from '../../../components/error-state';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { CommentList } from '../../line-items/components/item-comments';
import { useAcceptSubProgramme } from '../../sub-programmes/api/accept-sub-programme';
import { useSubProgrammeComments } from '../../sub-programmes/api/get-sub-programme-comments';
import { useReturnSubProgramme } from '../../sub-programmes/api/return-sub-programme';

/** The review thread of the whole sub-programme, and ITC's decision on it. */
export function SubProgrammeDecision({
  subProgramme,
  canAccept,
  canReturn,
}: {
  subProgramme: SubProgramme;
  canAccept: boolean;
  canReturn: boolean;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const comments = useSubProgrammeComments(subProgramme.id);
  const accept = useAcceptSubProgramme();
  const giveBack = useReturnSubProgramme();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const error = accept.error ?? giveBack.error;
  const busy = accept.isPending || giveBack.isPending;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('review.subProgrammeHeading')}</h2>
      <QueryView query={comments} isEmpty={() => false}>
        {(list) => <CommentList comments={list} />}
      </QueryView>
      {(canAccept || canReturn) && (
        <form noValidate onSubmit={(event) => event.preventDefault()}>
          {error && <ErrorState error={error} />}
          <div className={missing ? 'field field--error' : 'field'}>
            <label htmlFor={fieldId} className="field__label">
              {t('review.comment')}
            </label>
            <p id={`${fieldId}-hint`} className="field__hint">
              {t('review.commentHint')}
            </p>
            {missing && (
              <p id={`${fieldId}-error`} className="field__error">
                {t('review.commentRequired')}
              </p>
            )}
            <textarea
              id={fieldId}
              className="field__input"
              rows={3}
              maxLength={5000}
              value={comment}
              aria-invalid={missing || undefined}
              aria-describedby={missing ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          <div className="form-actions">
            {canAccept && (
              <button
                type="button"
                className="button"
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (busy) return;
                  setMissing(false);
                  accept.mutate(
                    { id: subProgramme.id, ...(comment.trim() ? { comment: comment.trim() } : {}) },
                    { onSuccess: () => setComment('') },
                  );
                }}
              >
                {t('review.acceptSubProgramme')}
              </button>
            )}
            {canReturn && (
              <button
                type="button"
                className="button button--warn"
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (busy) return;
                  if (comment.trim() === '') {
                    setMissing(true);
                    document.getElementById(fieldId)?.focus();
                    return;
                  }
                  setMissing(false);
                  giveBack.mutate(
                    { id: subProgramme.id, comment: comment.trim() },
                    { onSuccess: () => setComment('') },
                  );
                }}
              >
                {t('review.returnSubProgramme')}
              </button>
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
    </section>
  );
}
