import { isStaleVersion } from '../../../api/client';
import type { FormProblems } from '../../../api/problem-fields';
import { FormActions } from '../../../components/form-actions';
import { FormProblem } from '../../../components/form-problem';
import { useI18n } from '../../../i18n/i18n-context';

interface BasisSaveProps {
  mutation: { isPending: boolean; isSuccess: boolean; error: Error | null };
  /** The server's refusal sorted onto the form; what no field shows is said here. */
  refusal: FormProblems<string>;
  dirty: boolean;
  label: string;
}

/** Under a form of the allocation basis: what failed, the save button, and what became of the last save. */
export function BasisSave({ mutation, refusal, dirty, label }: BasisSaveProps) {
  return (
    <>
      <FormProblem error={isStaleVersion(mutation.error) ? null : mutation.error} problems={refusal} />
      <FormActions pending={mutation.isPending} label={label}>
        <BasisSaveStatus mutation={mutation} dirty={dirty} />
      </FormActions>
    </>
  );
}

/**
 * What became of the last save: saved, or — when someone else saved the drivers or quantities
 * first (412) — that the page now shows theirs, with what this user typed still over it.
 */
function BasisSaveStatus({
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
