import { useRouteError } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { useDocumentTitle } from '../../i18n/use-document-title';

/** Shown inside the layout when a page throws while rendering, so the header stays usable. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  useDocumentTitle(t('routeError.title'));
  if (import.meta.env.DEV) console.error(error);
  return (
    <div role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.text')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('routeError.reload')}
      </button>
    </div>
  );
}
