import { useId, useState, type FormEvent } from 'react';
import { describeError } from '../../../components/error-state';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useUser } from '../../../hooks/use-user';
import { leavesPageOrParam, useUnsavedChanges } from '../../../hooks/use-unsaved-changes';
import { readDraft, removeDraft, writeDraft } from '../../../utils/draft-store';
import { useAddLineItemComment } from '../api/add-line-item-comment';
import { useLineItemComments } from '../api/get-line-item-comments';
import { CommentList } from '../../../components/comment-list';

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
