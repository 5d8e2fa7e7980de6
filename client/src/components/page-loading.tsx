import { useT } from '../i18n/i18n-context';

/** Shown while a page's code arrives on first load. */
export function PageLoading() {
  const t = useT();
  return (
    <p className="state" role="status">
      {t('state.loading')}
    </p>
  );
}
