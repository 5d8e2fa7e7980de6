import type { Comment } from '@ikt/shared/line-item.schema';
import { useId, useState, type FormEvent } from 'react';
import { describeError } from '../../../components/error-state';
import { QueryView } from '../../../components/query-view';
import { formatDateTime } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { useUser } from '../../auth/hooks/use-user';
import { leavesPageOrParam, useUnsavedChanges } from '../../unsaved-work/hooks/use-unsaved-changes';
import { readDraft, removeDraft, writeDraft } from '../../unsaved-work/utils/draft-store';
import { useAddLineItemComment } from '../api/add-line-item-comment';
import { useLineItemComments } from '../api/get-line-item-comments';

const KIND_LABELS: Record<Comment['kind'], MessageKey> = {
  comment: 'comments.kind.comment',
  return: 'comments.kind.return',
  accept: 'comments.kind.accept',
};

/** A thread of comments, oldest first: who wrote what, when, and whether it returned or accepted. */
export function CommentList({ comments }: { comments: readonly Comment[] }) {
  const { t, language } = useI18n();
  if (comments.length === 0) return <p className="state">{t('comments.none')}</p>;
  return (
    <ol className="comments">
      {comments.map((comment) => (
        <li key={comment.id} className={`comment comment--${comment.kind}`}>
          <p className="comment__meta">
            <span className="comment__author">{comment.authorName ?? t('comments.unknownAuthor')}</span>
            {comment.kind !== 'comment' && (
              <span className={`badge ${comment.kind === 'return' ? 'badge--warn' : 'badge--ok'}`}>
                {t(KIND_LABELS[comment.kind])}
              </span>
            )}
            <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, language)}</time>
          </p>
          <p className="comment__body">{comment.body}</p>
        </li>
      ))}
    </ol>
  );
}

const isText = (value: unknown): value is string => typeof value === 'string';
/** The side panel is open while the address names its item (`?item=`). */
const leavesPanel = leavesPageOrParam('item');

export function ItemComments({ itemId, canComment }: { itemId: number; canComment: boolean }) {
  const { t } = useI18n();
  const user = useUser();
  const query = useLineItemComments(itemId);
  const add = useAddLineItemComment();
  const draftKey = `item:${itemId}:comment`;
  // A comment not sent when the session ended comes back after signing in again.
  const [body, setBodyState] = useState(() => readDraft(user.id, draftKey, isText) ?? '');
  const fieldId = useId();
  const setBody = (text: string) => {
    setBodyState(text);
    if (text.trim() === '') removeDraft(user.id, draftKey);
    else writeDraft(user.id, draftKey, text);
  };
  useUnsavedChanges(canComment && body.trim() !== '', {
    leaves: leavesPanel,
    onDiscard: () => removeDraft(user.id, draftKey),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = body.trim();
    if (text === '' || add.isPending) return;
    add.mutate({ id: itemId, body: text }, { onSuccess: () => setBody('') });
  }

  return (
    <>
      <QueryView query={query} isEmpty={() => false}>
        {(comments) => <CommentList comments={comments} />}
      </QueryView>
      {canComment && (
        <form className="comment-form" onSubmit={onSubmit}>
          <label htmlFor={fieldId} className="field__label">
            {t('comments.add')}
          </label>
          <textarea
            id={fieldId}
            className="field__input"
            rows={3}
            maxLength={5000}
            value={body}
            onChange={(event) => setBody(event.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="button" aria-disabled={body.trim() === '' || add.isPending || undefined}>
              {add.isPending ? t('common.saving') : t('comments.send')}
            </button>
            {add.isError && (
              <span role="alert" className="form-actions__error">
                {describeError(add.error, t).message ?? describeError(add.error, t).heading}
              </span>
            )}
          </div>
        </form>
      )}
    </>
  );
}
