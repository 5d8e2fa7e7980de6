import { Link } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { SubProgrammeStatusBadge } from '../../components/status-badge';
import { ChangesSinceSubmission } from '../../features/sub-programmes/components/changes-since-submission';
import { useI18n } from '../../i18n/i18n-context';
import { NotFoundRoute } from './not-found';
import { IdRoute, useSubProgrammePage } from './sub-programme-page';
import { PageLoading } from '../../components/page-loading';

/**
 * What changed in a sub-programme since it was last submitted — the view ITC reviews with, for
 * the institution's own lead too (and anyone else who may read the sub-programme).
 */
export const SubProgrammeChangesRoute = () => <IdRoute page={Changes} />;

function Changes({ id }: { id: number }) {
  const { t } = useI18n();
  const { subProgramme, missing } = useSubProgrammePage(
    id,
    ({ code }) => t('changes.pageTitle', { code }),
    t('changes.heading'),
  );
  if (missing) return <NotFoundRoute />;
  if (subProgramme.isError) return <ErrorState error={subProgramme.error} />;
  if (!subProgramme.data) {
    return <PageLoading />;
  }
  const data = subProgramme.data;
  return (
    <>
      <p className="breadcrumbs">
        <Link to={`/sub-programmes/${data.id}`}>
          {data.code} {data.name}
        </Link>
      </p>
      <div className="page-header">
        <h1>{t('changes.pageTitle', { code: data.code })}</h1>
        <p className="page-header__meta">
          <SubProgrammeStatusBadge status={data.status} /> <span className="code">{data.institutionCode}</span>
        </p>
      </div>
      <p className="lead">{t('changes.intro')}</p>
      <ChangesSinceSubmission subProgrammeId={data.id} />
    </>
  );
}
