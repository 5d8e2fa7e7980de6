import type { LineItem } from '@ikt/shared/line-item.schema';
import { ErrorState } from '../../../components/error-state';
import { CommentField } from '../../../components/form-field';
import { ReviewStatusBadge } from '../../../components/status-badge';
import { useCommentDraft } from '../../../hooks/use-comment-draft';
import { useI18n } from '../../../i18n/i18n-context';
import { useReviewLineItem } from '../../../api/line-items/review-line-item';

/** ITC's decision on one item: accept it, or return it with a comment saying what to fix. */
export function ItemReview({ item }: { item: LineItem }) {
  const { t } = useI18n();
  const review = useReviewLineItem();
  const comment = useCommentDraft();

  function decide(decision: 'accept' | 'return') {
    if (review.isPending || !comment.check(decision === 'return')) return;
    review.mutate(
      { id: item.id, input: { decision, ...(comment.text ? { comment: comment.text } : {}) } },
      { onSuccess: comment.clear },
    );
  }

  return (
    <div className="item-review">
      <p>
        {t('review.itemStatus')} <ReviewStatusBadge status={item.reviewStatus} />
      </p>
      <CommentField
        label={t('review.comment')}
        hint={t('review.commentHint')}
        {...comment.field(t('review.commentRequired'))}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => decide('accept')}>
          {t('review.acceptItem')}
        </button>
        <button type="button" className="button button--warn" onClick={() => decide('return')}>
          {t('review.returnItem')}
        </button>
        <span role="status">{review.isSuccess ? t('review.decided') : review.isPending ? t('common.saving') : ''}</span>
      </div>
      {review.isError && <ErrorState error={review.error} />}
    </div>
  );
}
