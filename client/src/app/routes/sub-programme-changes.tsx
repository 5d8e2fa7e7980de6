import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/error-state';
import { SubProgrammeStatusBadge } from '../../components/status-badge';
import { ChangesSinceSubmission } from '../../features/sub-programmes/components/changes-since-submission';
import { useSubProgramme } from '../../features/sub-programmes/api/get-sub-programme';
import { useI18n } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';
import { isNotFound, NotFoundRoute } from './not-found';

/**
 * What changed in a sub-programme since it was last submitted — the view ITC reviews with, for
 * the institution's own lead too (and anyone else who may read the sub-programme).
 */
export function SubProgrammeChangesRoute() {
  const { id } = useParams();
  if (!id || !/^[1-9]\d{0,9}$/.test(id)) return <NotFoundRoute />;
  return <Changes id={Number(id)} />;
}

function Changes({ id }: { id: number }) {
  const { t } = useI18n();
  const subProgramme = useSubProgramme(id);
  const missing = subProgramme.isError && isNotFound(subProgramme.error);
  useDocumentTitle(
    missing
      ? t('notFound.title')
      : subProgramme.data
        ? t('changes.pageTitle', { code: subProgramme.data.code })
        : t('changes.heading'),
  );
  if (missing) return <NotFoundRoute />;
  if (subProgramme.isError) return <ErrorState error={subProgramme.error} />;
  if (!subProgramme.data) {
    return (
      <p className="state" role="status">
        {t('state.loading')}
      </p>
    );
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
