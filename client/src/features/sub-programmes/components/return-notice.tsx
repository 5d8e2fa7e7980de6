import type { LineItem } from '@ikt/shared/line-item.schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n-context';
import { CommentList } from '../../line-items/components/item-comments';
import { useSubProgrammeComments } from '../api/get-sub-programme-comments';

/**
 * ITC sent the sub-programme back: what it said about the whole, and which items it returned
 * (each a link to the item, whose comments say what to fix).
 */
export function ReturnNotice({ subProgrammeId, items }: { subProgrammeId: number; items: readonly LineItem[] }) {
  const { t } = useI18n();
  const headingId = useId();
  const comments = useSubProgrammeComments(subProgrammeId);
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
          <ul>
            {returned.map((item) => (
              <li key={item.id}>
                <Link to={`?item=${item.id}`}>{item.title}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="return-notice__hint">{t('returned.hint')}</p>
    </section>
  );
}
