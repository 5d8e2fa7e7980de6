import type { Comment } from '@ikt/shared/line-item.schema';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages/lv';

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
