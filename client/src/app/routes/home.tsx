import { useId } from 'react';
import { Link } from 'react-router';
import { ReferenceOverview } from '../../features/reference/components/reference-overview';
import { useT } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

export function HomeRoute() {
  const t = useT();
  const referenceHeadingId = useId();
  useDocumentTitle(undefined);
  return (
    <>
      <h1>{t('app.name')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <section className="panel" aria-labelledby={referenceHeadingId}>
        <h2 id={referenceHeadingId}>{t('home.referenceHeading')}</h2>
        <p>{t('home.referenceIntro')}</p>
        <ReferenceOverview />
        <p>
          <Link to="/reference">{t('home.referenceOpen')}</Link>
        </p>
      </section>
    </>
  );
}
