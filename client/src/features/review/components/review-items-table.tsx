import { isDecidableItem } from '@ikt/shared/editability';
import type { Comment, LineItem } from '@ikt/shared/line-item.schema';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, numeric } from '../../../components/data-table';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { FormActions } from '../../../components/form-actions';
import { CommentField } from '../../../components/form-field';
import { Money } from '../../../components/money';
import { ReviewStatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../i18n/i18n-context';
import { useReviewLineItem } from '../../../api/line-items/review-line-item';
import { CommentList } from '../../../components/comment-list';
import { problemCount } from '../../../utils/line-item-figures';

interface ReviewItemsTableProps {
  subProgrammeId: number;
  items: readonly LineItem[];
  /** Each item's comments, oldest first: ITC's returns and the institution's answers. */
  threads: ReadonlyMap<number, readonly Comment[]>;
  fiscalYears: readonly number[];
  canDecide: boolean;
  /** The items are the central sub-programme's (what they must have to be submitted). */
  central: boolean;
}

/** Every item with its defence at hand, and ITC's decision on each: accept, or return with a comment. */
export function ReviewItemsTable({
  subProgrammeId,
  items,
  threads,
  fiscalYears,
  canDecide,
  central,
}: ReviewItemsTableProps) {
  const { t, language } = useI18n();
  const review = useReviewLineItem();
  const [returning, setReturning] = useState<LineItem | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const decidable = (item: LineItem) => canDecide && isDecidableItem(item.reviewStatus);

  return (
    <>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {review.isError && <ErrorState error={review.error} />}
      <DataTable
        caption={t('review.itemsCaption')}
        className="review-table"
        head={[
          t('grid.column.title'),
          t('grid.column.ekk'),
          t('grid.column.costNature'),
          t('grid.column.priority'),
          ...fiscalYears.map((year) => numeric(year)),
          t('grid.column.reviewStatus'),
          canDecide && t('review.decision'),
        ]}
      >
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <Link to={`/sub-programmes/${subProgrammeId}?item=${item.id}`}>{item.title}</Link>
                {problemCount(item, central) > 0 && (
                  <span className="badge badge--danger">
                    {t('grid.problemCount', { count: problemCount(item, central) })}
                  </span>
                )}
                <details className="defence-details">
                  <summary>{t('review.showDefence')}</summary>
                  <dl className="item-view">
                    <div>
                      <dt>{t('item.field.businessNeed')}</dt>
                      <dd>{item.businessNeed || t('item.notGiven')}</dd>
                    </div>
                    <div>
                      <dt>{t('item.field.legalBasis')}</dt>
                      <dd>{item.legalBasis || t('item.notGiven')}</dd>
                    </div>
                    <div>
                      <dt>{t('item.field.impactIfCut')}</dt>
                      <dd>{item.impactIfCut || t('item.notGiven')}</dd>
                    </div>
                    <div>
                      <dt>{t('item.field.calculationBasis')}</dt>
                      <dd>{item.calculationBasis || t('item.notGiven')}</dd>
                    </div>
                  </dl>
                </details>
                {(threads.get(item.id)?.length ?? 0) > 0 && (
                  <div className="review-thread">
                    <p className="review-thread__title">
                      {t('review.itemComments', { count: threads.get(item.id)!.length })}
                    </p>
                    <CommentList comments={threads.get(item.id)!} />
                  </div>
                )}
              </th>
              <td className="code">{item.ekkCode}</td>
              <td>{COST_NATURE_LABELS[item.costNature][language]}</td>
              <td>{PRIORITY_LABELS[item.priority][language]}</td>
              {fiscalYears.map((year) => (
                <td key={year} className="num">
                  <Money value={item.amounts[String(year)] ?? '0'} />
                </td>
              ))}
              <td>
                <ReviewStatusBadge status={item.reviewStatus} />
              </td>
              {canDecide && (
                <td>
                  {decidable(item) && (
                    <div className="row-actions">
                      {item.reviewStatus !== 'accepted' && (
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() =>
                            review.mutate(
                              { id: item.id, input: { decision: 'accept' } },
                              { onSuccess: () => setAnnouncement(t('review.itemAccepted', { title: item.title })) },
                            )
                          }
                        >
                          {t('review.accept')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                      )}
                      {item.reviewStatus !== 'returned' && (
                        <button type="button" className="button button--quiet" onClick={() => setReturning(item)}>
                          {t('review.return')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                      )}
                    </div>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <ReturnDialog
        item={returning}
        onClose={() => setReturning(null)}
        onReturned={(item) => {
          setReturning(null);
          setAnnouncement(t('review.itemReturned', { title: item.title }));
        }}
      />
    </>
  );
}

function ReturnDialog({
  item,
  onClose,
  onReturned,
}: {
  item: LineItem | null;
  onClose: () => void;
  onReturned: (item: LineItem) => void;
}) {
  const { t } = useI18n();
  const review = useReviewLineItem();
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const fieldId = useId();
  return (
    <Dialog open={item !== null} title={t('review.returnTitle', { title: item?.title ?? '' })} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!item || review.isPending) return;
          if (comment.trim() === '') {
            setMissing(true);
            document.getElementById(fieldId)?.focus();
            return;
          }
          review.mutate(
            { id: item.id, input: { decision: 'return', comment: comment.trim() } },
            {
              onSuccess: () => {
                setComment('');
                setMissing(false);
                onReturned(item);
              },
            },
          );
        }}
      >
        {review.isError && <ErrorState error={review.error} />}
        <CommentField
          id={fieldId}
          label={t('review.returnComment')}
          message={missing ? t('review.commentRequired') : undefined}
          value={comment}
          onChange={setComment}
          rows={4}
        />
        <FormActions
          pending={review.isPending}
          label={t('review.returnItem')}
          className="button button--warn"
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
