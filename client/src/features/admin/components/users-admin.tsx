import type { User } from '@ikt/shared/auth.schema';
import { ROLES, type Role } from '@ikt/shared/domain';
import { ROLE_LABELS } from '@ikt/shared/labels';
import type { UpdateUserInput } from '@ikt/shared/user.schema';
import { useId, useState, type FormEvent } from 'react';
import { ActiveStatus } from '../../../components/active-status';
import { QueryTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Dialog } from '../../../components/dialog';
import { FormActions } from '../../../components/form-actions';
import { FormField } from '../../../components/form-field';
import { FieldProblem, FormProblem, problemProps, useFormProblems } from '../../../components/form-problem';
import { InstitutionOptions, LabelOptions } from '../../../components/options';
import { useI18n } from '../../../i18n/i18n-context';
import { useInstitutions } from '../../../api/reference/get-institutions';
import { useCreateUser } from '../api/create-user';
import { useUsers } from '../api/get-users';
import { useUpdateUser } from '../api/update-user';
import { EditButton } from '../../../components/edit-button';

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
      <QueryTable
        query={users}
        caption={t('admin.users.caption')}
        head={[
          t('admin.users.name'),
          t('login.email'),
          t('admin.users.role'),
          t('subProgramme.institution'),
          t('common.status'),
          t('admin.actions'),
        ]}
      >
        {(list) => (
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
                  <EditButton label={user.name} onClick={() => setEditing(user)} />
                </td>
              </tr>
            ))}
          </tbody>
        )}
      </QueryTable>
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
  const { t } = useI18n();
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
      <FormField id={ids.name} label={t('admin.users.name')} message={problems.fields.name}>
        {(control) => (
          <input {...control} name="name" className="field__input" defaultValue={user?.name} maxLength={200} />
        )}
      </FormField>
      {!user && (
        <FormField id={ids.email} label={t('login.email')} message={problems.fields.email}>
          {(control) => (
            <input {...control} name="email" type="email" className="field__input" autoComplete="off" maxLength={254} />
          )}
        </FormField>
      )}
      <div className="field-row">
        <FormField id={ids.role} label={t('admin.users.role')} message={problems.fields.role}>
          {(control) => (
            <select
              {...control}
              className="field__input"
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              <LabelOptions codes={ROLES} labels={ROLE_LABELS} />
            </select>
          )}
        </FormField>
        {role === 'institution_lead' && (
          <FormField id={ids.institution} label={t('subProgramme.institution')} message={problems.fields.institutionId}>
            {(control) => (
              <select {...control} name="institution" className="field__input" defaultValue={user?.institutionId ?? ''}>
                <InstitutionOptions institutions={institutions.data} />
              </select>
            )}
          </FormField>
        )}
      </div>
      <FormField
        id={ids.password}
        label={user ? t('admin.users.newPassword') : t('login.password')}
        hint={user ? t('admin.users.passwordKeep') : t('admin.users.passwordHint')}
        message={problems.fields.password}
      >
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="new-password" className="field__input" />
        )}
      </FormField>
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
      <FormActions pending={mutation.isPending} />
    </form>
  );
}
