import { useT } from '../i18n/i18n-context';

/** Says that a page, or a part of it, is loading (its code on first load, or its data). */
export function PageLoading() {
  const t = useT();
  return (
    <p className="state" role="status">
      {t('state.loading')}
    </p>
  );
}
