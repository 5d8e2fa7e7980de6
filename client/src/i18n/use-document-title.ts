import { useEffect } from 'react';
import { useT } from './i18n-context';

/** Each page names itself in the tab and for screen readers (WCAG 2.4.2), in the chosen language. */
export function useDocumentTitle(pageTitle: string | undefined): void {
  const t = useT();
  const appName = t('app.name');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} — ${appName}` : appName;
  }, [pageTitle, appName]);
}
