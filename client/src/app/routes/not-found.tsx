import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/**
 * The server answers 404 for what does not exist and for what the user may not see (another
 * institution's budget): either way the page is simply not there.
 */
export function isNotFound(error: Error): boolean {
  return error instanceof ApiError && error.status === 404;
}

export function NotFoundRoute() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
