import type { Cycle } from '@ikt/shared/cycle.schema';
import { canDecideOnSubmission, canReturnSubProgramme, isReviewWindow } from '@ikt/shared/editability';
import { can } from '@ikt/shared/permissions';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useId, useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { Money } from '../../components/money';
import { QueryView } from '../../components/query-view';
import { SubProgrammeStatusBadge } from '../../components/status-badge';
import { useUser } from '../../hooks/use-user';
import { useCycle } from '../../features/cycles/api/get-cycle';
import { useLineItems } from '../../features/line-items/api/get-line-items';
import { ChangesSinceSubmission } from '../../features/sub-programmes/components/changes-since-submission';
import { ReviewItemsTable } from '../../features/review/components/review-items-table';
import { SubProgrammeDecision } from '../../features/review/components/sub-programme-decision';
import {
  commentsByItem,
  useSubProgrammeItemComments,
} from '../../features/sub-programmes/api/get-sub-programme-item-comments';
import { useI18n } from '../../i18n/i18n-context';
import { NotFoundRoute } from './not-found';
import { IdRoute, useSubProgrammePage } from './sub-programme-page';
import { PageLoading } from '../../components/page-loading';

export const ReviewRoute = () => <IdRoute page={ReviewLoader} />;

function ReviewLoader({ id }: { id: number }) {
  const { t } = useI18n();
  const { subProgramme, missing } = useSubProgrammePage(
    id,
    ({ code }) => t('review.title', { code }),
    t('reviewQueue.title'),
  );
  const cycle = useCycle(subProgramme.data?.cycleId);
  if (missing) return <NotFoundRoute />;
  if (subProgramme.isError) return <ErrorState error={subProgramme.error} />;
  if (cycle.isError) return <ErrorState error={cycle.error} onRetry={() => void cycle.refetch()} />;
  if (!subProgramme.data || !cycle.data) {
    return <PageLoading />;
  }
  return <Review subProgramme={subProgramme.data} cycle={cycle.data} />;
}

function Review({ subProgramme, cycle }: { subProgramme: SubProgramme; cycle: Cycle }) {
  const { t } = useI18n();
  const user = useUser();
  const items = useLineItems(subProgramme.id);
  const itemComments = useSubProgrammeItemComments(subProgramme.id);
  const threads = useMemo(() => commentsByItem(itemComments.data ?? []), [itemComments.data]);
  const itemsHeadingId = useId();
  const reviewer = can(user, {
    action: 'subProgramme.review',
    scope: { institutionId: subProgramme.institutionId, kind: subProgramme.kind, cycleStatus: cycle.status },
  });
  const inReview = isReviewWindow(cycle.status);
  const canDecideItems = reviewer && canDecideOnSubmission(cycle.status, subProgramme.status);

  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/review?cycle=${cycle.id}`}>{t('reviewQueue.title')}</Link>
      </p>
      <div className="page-header">
        <h1>{t('review.title', { code: subProgramme.code })}</h1>
        <p className="page-header__meta">
          <SubProgrammeStatusBadge status={subProgramme.status} />
          <span className="code">{subProgramme.institutionCode}</span>
        </p>
      </div>
      <p className="lead">{subProgramme.name}</p>
      <dl className="facts">
        {cycle.fiscalYears.map((year) => (
          <div key={year}>
            <dt>{year}</dt>
            <dd className="num">
              <Money value={subProgramme.totals[String(year)] ?? '0'} />
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link to={`/sub-programmes/${subProgramme.id}`}>{t('review.openWorkspace')}</Link>
      </p>
      {reviewer && !inReview && <p className="notice">{t('review.notInReview')}</p>}

      <ChangesSinceSubmission subProgrammeId={subProgramme.id} />

      <section className="panel" aria-labelledby={itemsHeadingId}>
        <h2 id={itemsHeadingId}>{t('review.itemsHeading')}</h2>
        <QueryView query={items}>
          {(list) => (
            <ReviewItemsTable
              subProgrammeId={subProgramme.id}
              items={list}
              threads={threads}
              fiscalYears={cycle.fiscalYears}
              canDecide={canDecideItems}
              central={subProgramme.kind === 'central'}
            />
          )}
        </QueryView>
      </section>

      <SubProgrammeDecision
        subProgramme={subProgramme}
        cycleStatus={cycle.status}
        returnedItems={(items.data ?? []).filter((item) => item.reviewStatus === 'returned')}
        threads={threads}
        canAccept={canDecideItems}
        canReturn={reviewer && canReturnSubProgramme(cycle.status, subProgramme.status)}
      />
    </>
  );
}
