import type { User } from '@ikt/shared/auth.schema';
import type { Cycle } from '@ikt/shared/cycle.schema';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
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
  const { t, localize } = useI18n();
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
      <div className="field">
        <label htmlFor={ids.code} className="field__label">
          {t('common.code')}
        </label>
        <p id={`${ids.code}-hint`} className="field__hint">
          {t('subProgramme.codeHint')}
        </p>
        <input
          id={ids.code}
          name="code"
          className="field__input"
          defaultValue={prefix}
          maxLength={40}
          autoComplete="off"
          aria-describedby={`${ids.code}-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.name} className="field__label">
          {t('common.name')}
        </label>
        <input id={ids.name} name="name" className="field__input" maxLength={300} autoComplete="off" />
      </div>
      {user.role === 'itc_finance' && (
        <div className="field">
          <label htmlFor={ids.owner} className="field__label">
            {t('subProgramme.institution')}
          </label>
          <select id={ids.owner} name="owner" className="field__input" defaultValue="central">
            <option value="central">{t('subProgramme.centralOption')}</option>
            {(institutions.data ?? [])
              .filter((institution) => !institution.isItc && institution.active)
              .map((institution) => (
                <option key={institution.id} value={institution.id}>
                  {institution.code} — {localize(institution.nameLv, institution.nameEn)}
                </option>
              ))}
          </select>
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button">
          {create.isPending ? t('common.saving') : t('subProgramme.create')}
        </button>
      </div>
    </form>
  );
}
