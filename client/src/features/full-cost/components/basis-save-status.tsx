import { isStaleVersion } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n-context';

/**
 * What became of the last save: saved, or — when someone else saved the drivers or quantities
 * first (412) — that the page now shows theirs, with what this user typed still over it.
 */
export function BasisSaveStatus({
  mutation,
  dirty,
}: {
  mutation: { isSuccess: boolean; error: Error | null };
  dirty: boolean;
}) {
  const { t } = useI18n();
  if (isStaleVersion(mutation.error)) {
    return (
      <p className="form-actions__status field__error" role="alert">
        {t('basis.stale')}
      </p>
    );
  }
  return (
    <p className="form-actions__status" role="status">
      {dirty ? t('basis.unsaved') : mutation.isSuccess ? t('basis.saved') : ''}
    </p>
  );
}

/** A failure the form lists itself; a stale version is said by BasisSaveStatus instead. */
export const listedError = (error: Error | null) => (isStaleVersion(error) ? null : error);
