import type { LineItem } from '@ikt/shared/line-item.schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n-context';
import { CommentList } from '../../../components/comment-list';
import { commentsByItem, useSubProgrammeItemComments } from '../api/get-sub-programme-item-comments';
import { useSubProgrammeComments } from '../../../api/sub-programmes/get-sub-programme-comments';

/**
 * ITC sent the sub-programme back: what it said about the whole, and each item it returned with
 * what it said about that item — a link opens the item at its comments, to answer there.
 */
export function ReturnNotice({ subProgrammeId, items }: { subProgrammeId: number; items: readonly LineItem[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const comments = useSubProgrammeComments(subProgrammeId);
  const itemComments = useSubProgrammeItemComments(subProgrammeId);
  const threads = commentsByItem(itemComments.data ?? []);
  const returned = items.filter((item) => item.reviewStatus === 'returned');
  const returnComments = (comments.data ?? []).filter((comment) => comment.kind === 'return');
  return (
    <section className="conflict return-notice" aria-labelledby={headingId}>
      <h2 id={headingId} className="conflict__title">
        {t('returned.heading')}
      </h2>
      {returnComments.length > 0 && <CommentList comments={returnComments.slice(-1)} />}
      {returned.length > 0 && (
        <>
          <p>{t('returned.items', { count: returned.length })}</p>
          <ul className="return-notice__items">
            {returned.map((item) => {
              const lastReturn = (threads.get(item.id) ?? []).filter((comment) => comment.kind === 'return').slice(-1);
              return (
                <li key={item.id}>
                  <Link to={`?item=${item.id}&tab=comments`}>{item.title}</Link>
                  {lastReturn.length > 0 && <CommentList comments={lastReturn} />}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <p className="return-notice__hint">{t('returned.hint')}</p>
    </section>
  );
}
