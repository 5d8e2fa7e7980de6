import type { User } from '@ikt/shared/auth.schema';
import type { Cycle } from '@ikt/shared/cycle.schema';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { FormActions } from '../../../components/form-actions';
import { FormField } from '../../../components/form-field';
import { InstitutionOptions } from '../../../components/options';
import { useI18n } from '../../../i18n/i18n-context';
import { useInstitutions } from '../../../api/reference/get-institutions';
import { useCreateSubProgramme } from '../api/create-sub-programme';

/**
 * A new sub-programme in the cycle: a sector lead's is always its own institution's; ITC makes
 * the central one or one for any institution. Opens the new sub-programme's workspace.
 */
export function CreateSubProgrammeButton({ user, cycle }: { user: User; cycle: Cycle }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {t('subProgramme.new')}
      </button>
      <Dialog open={open} title={t('subProgramme.new')} onClose={() => setOpen(false)}>
        <CreateForm user={user} cycle={cycle} />
      </Dialog>
    </>
  );
}

function CreateForm({ user, cycle }: { user: User; cycle: Cycle }) {
  const { t } = useI18n();
  const create = useCreateSubProgramme();
  const navigate = useNavigate();
  const institutions = useInstitutions();
  const ids = { code: useId(), name: useId(), owner: useId() };
  const prefix = user.role === 'institution_lead' && user.institutionCode ? `IKT.${user.institutionCode}.` : 'IKT.';

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const owner = text('owner');
    create.mutate(
      {
        cycleId: cycle.id,
        input:
          user.role === 'itc_finance'
            ? owner === 'central'
              ? { code: text('code'), name: text('name'), kind: 'central' }
              : { code: text('code'), name: text('name'), kind: 'institution', institutionId: Number(owner) }
            : { code: text('code'), name: text('name'), kind: 'institution' },
      },
      { onSuccess: (created) => void navigate(`/sub-programmes/${created.id}`) },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      {create.isError && <ErrorState error={create.error} />}
      <FormField id={ids.code} label={t('common.code')} hint={t('subProgramme.codeHint')}>
        {(control) => (
          <input
            {...control}
            name="code"
            className="field__input"
            defaultValue={prefix}
            maxLength={40}
            autoComplete="off"
          />
        )}
      </FormField>
      <FormField id={ids.name} label={t('common.name')}>
        {(control) => <input {...control} name="name" className="field__input" maxLength={300} autoComplete="off" />}
      </FormField>
      {user.role === 'itc_finance' && (
        <FormField id={ids.owner} label={t('subProgramme.institution')}>
          {(control) => (
            <select {...control} name="owner" className="field__input" defaultValue="central">
              <option value="central">{t('subProgramme.centralOption')}</option>
              <InstitutionOptions institutions={institutions.data} />
            </select>
          )}
        </FormField>
      )}
      <FormActions pending={create.isPending} label={t('subProgramme.create')} />
    </form>
  );
}
