import type { User } from '@ikt/shared/auth.schema';
import { ROLES, type Role } from '@ikt/shared/domain';
import { ROLE_LABELS } from '@ikt/shared/labels';
import type { UpdateUserInput } from '@ikt/shared/user.schema';
import { useId, useState, type FormEvent } from 'react';
import { ActiveStatus } from '../../../components/active-status';
import { DataTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Dialog } from '../../../components/dialog';
import { fieldClass, FieldProblem, FormProblem, problemProps, useFormProblems } from '../../../components/form-problem';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import { useInstitutions } from '../../../api/reference/get-institutions';
import { useCreateUser } from '../api/create-user';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';

/** Users, their role and (for a sector lead) institution; create, change, disable, set a new password. */
export function UsersAdmin() {
  const { t, language } = useI18n();
  const users = useUsers();
  const [editing, setEditing] = useState<User | null>(null);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <p>
        <button type="button" className="button" onClick={() => setCreating(true)}>
          {t('admin.users.new')}
        </button>
      </p>
      <QueryView query={users}>
        {(list) => (
          <DataTable caption={t('admin.users.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('admin.users.name')}</th>
                <th scope="col">{t('login.email')}</th>
                <th scope="col">{t('admin.users.role')}</th>
                <th scope="col">{t('subProgramme.institution')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.name}</th>
                  <td>{user.email}</td>
                  <td>{ROLE_LABELS[user.role][language]}</td>
                  <td className="code">{user.institutionCode ?? <MissingValue label={t('common.none')} />}</td>
                  <td>
                    <ActiveStatus active={user.active} />
                  </td>
                  <td>
                    <button type="button" className="button button--quiet" onClick={() => setEditing(user)}>
                      {t('admin.edit')}
                      <span className="visually-hidden"> {user.name}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      <Dialog open={creating} title={t('admin.users.new')} onClose={() => setCreating(false)}>
        {creating && <UserForm onDone={() => setCreating(false)} />}
      </Dialog>
      <Dialog
        open={editing !== null}
        title={t('admin.users.editTitle', { name: editing?.name ?? '' })}
        onClose={() => setEditing(null)}
      >
        {editing && <UserForm user={editing} onDone={() => setEditing(null)} />}
      </Dialog>
    </>
  );
}

function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const { t, language, localize } = useI18n();
  const institutions = useInstitutions();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const ids = {
    name: useId(),
    email: useId(),
    role: useId(),
    institution: useId(),
    password: useId(),
    active: useId(),
  };
  const [role, setRole] = useState<Role>(user?.role ?? 'institution_lead');
  const problems = useFormProblems(
    mutation.error,
    { fields: ['name', 'email', 'role', 'institutionId', 'password', 'active'] },
    {
      name: ids.name,
      email: ids.email,
      role: ids.role,
      institutionId: ids.institution,
      password: ids.password,
      active: ids.active,
    },
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const institutionId = role === 'institution_lead' && text('institution') ? Number(text('institution')) : null;
    if (user) {
      const changes: UpdateUserInput = {
        name: text('name').trim(),
        role,
        institutionId,
        active: form.get('active') === 'on',
      };
      if (text('password') !== '') changes.password = text('password');
      update.mutate({ id: user.id, changes }, { onSuccess: onDone });
    } else {
      create.mutate(
        { email: text('email').trim(), name: text('name').trim(), role, institutionId, password: text('password') },
        { onSuccess: onDone },
      );
    }
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <FormProblem error={mutation.error} problems={problems} />
      <div className={fieldClass(problems.fields.name)}>
        <label htmlFor={ids.name} className="field__label">
          {t('admin.users.name')}
        </label>
        <FieldProblem inputId={ids.name} message={problems.fields.name} />
        <input
          id={ids.name}
          name="name"
          className="field__input"
          defaultValue={user?.name}
          maxLength={200}
          {...problemProps(ids.name, problems.fields.name)}
        />
      </div>
      {!user && (
        <div className={fieldClass(problems.fields.email)}>
          <label htmlFor={ids.email} className="field__label">
            {t('login.email')}
          </label>
          <FieldProblem inputId={ids.email} message={problems.fields.email} />
          <input
            id={ids.email}
            name="email"
            type="email"
            className="field__input"
            autoComplete="off"
            maxLength={254}
            {...problemProps(ids.email, problems.fields.email)}
          />
        </div>
      )}
      <div className="field-row">
        <div className={fieldClass(problems.fields.role)}>
          <label htmlFor={ids.role} className="field__label">
            {t('admin.users.role')}
          </label>
          <FieldProblem inputId={ids.role} message={problems.fields.role} />
          <select
            id={ids.role}
            className="field__input"
            value={role}
            {...problemProps(ids.role, problems.fields.role)}
            onChange={(event) => setRole(event.target.value as Role)}
          >
            {ROLES.map((option) => (
              <option key={option} value={option}>
                {ROLE_LABELS[option][language]}
              </option>
            ))}
          </select>
        </div>
        {role === 'institution_lead' && (
          <div className={fieldClass(problems.fields.institutionId)}>
            <label htmlFor={ids.institution} className="field__label">
              {t('subProgramme.institution')}
            </label>
            <FieldProblem inputId={ids.institution} message={problems.fields.institutionId} />
            <select
              id={ids.institution}
              name="institution"
              className="field__input"
              defaultValue={user?.institutionId ?? ''}
              {...problemProps(ids.institution, problems.fields.institutionId)}
            >
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
      </div>
      <div className={fieldClass(problems.fields.password)}>
        <label htmlFor={ids.password} className="field__label">
          {user ? t('admin.users.newPassword') : t('login.password')}
        </label>
        <p id={`${ids.password}-hint`} className="field__hint">
          {user ? t('admin.users.passwordKeep') : t('admin.users.passwordHint')}
        </p>
        <FieldProblem inputId={ids.password} message={problems.fields.password} />
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="new-password"
          className="field__input"
          {...problemProps(ids.password, problems.fields.password, `${ids.password}-hint`)}
        />
      </div>
      {user && (
        <>
          <FieldProblem inputId={ids.active} message={problems.fields.active} />
          <label className="checkbox">
            <input
              id={ids.active}
              name="active"
              type="checkbox"
              defaultChecked={user.active}
              {...problemProps(ids.active, problems.fields.active)}
            />{' '}
            {t('common.active')}
          </label>
        </>
      )}
      <div className="form-actions">
        <button type="submit" className="button">
          {mutation.isPending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}
