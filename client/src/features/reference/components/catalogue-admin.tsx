import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DataTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { QueryView } from '../../../components/query-view';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { ActiveStatus } from '../../../components/active-status';
import { useCreateEkkCode } from '../api/create-ekk-code';
import { useCreateIctService } from '../api/create-ict-service';
import { useCreateInformationSystem } from '../api/create-information-system';
import { useCreateInstitution } from '../api/create-institution';
import { useAllEkkCodes } from '../api/get-all-ekk-codes';
import { useIctServices } from '../../../api/reference/get-ict-services';
import { useInformationSystems } from '../../../api/reference/get-information-systems';
import { useInstitutions } from '../../../api/reference/get-institutions';
import { useUpdateEkkCode } from '../api/update-ekk-code';
import { useUpdateIctService } from '../api/update-ict-service';
import { useUpdateInformationSystem } from '../api/update-information-system';
import { useUpdateInstitution } from '../api/update-institution';

/** A field of a small admin form: a text input or a checkbox, named for FormData. */
interface FieldSpec {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'checkbox';
  defaultValue?: string | boolean | undefined;
  /** Only when creating (a code cannot change). */
  createOnly?: boolean;
}

function AdminForm({
  fields,
  editing,
  error,
  pending,
  onSubmit,
}: {
  fields: FieldSpec[];
  editing: boolean;
  error: Error | null;
  pending: boolean;
  onSubmit: (values: Record<string, string | boolean>) => void;
}) {
  const { t } = useI18n();
  const prefix = useId();
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const values: Record<string, string | boolean> = {};
        for (const field of fields) {
          if (editing && field.createOnly) continue;
          values[field.name] =
            field.kind === 'checkbox' ? form.get(field.name) === 'on' : String(form.get(field.name) ?? '').trim();
        }
        onSubmit(values);
      }}
    >
      {error && <ErrorState error={error} />}
      {fields
        .filter((field) => !(editing && field.createOnly))
        .map((field) =>
          field.kind === 'checkbox' ? (
            <label key={field.name} className="checkbox">
              <input type="checkbox" name={field.name} defaultChecked={field.defaultValue === true} /> {t(field.label)}
            </label>
          ) : (
            <div key={field.name} className="field">
              <label htmlFor={`${prefix}-${field.name}`} className="field__label">
                {t(field.label)}
              </label>
              <input
                id={`${prefix}-${field.name}`}
                name={field.name}
                className="field__input"
                autoComplete="off"
                defaultValue={typeof field.defaultValue === 'string' ? field.defaultValue : ''}
              />
            </div>
          ),
        )}
      <div className="form-actions">
        <button type="submit" className="button">
          {pending ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

type DialogState<T> = { mode: 'create' } | { mode: 'edit'; row: T } | null;

function EditButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="button button--quiet" onClick={onClick}>
      {t('admin.edit')}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}

/** A catalogue row with a code, a name in each language and whether it is in use. */
interface NamedRow {
  code: string;
  nameLv: string;
  nameEn: string;
  active: boolean;
}

interface AdminMutation<Input> {
  mutate: (input: Input, options: { onSuccess: () => void }) => void;
  error: Error | null;
  isPending: boolean;
}

/** Institutions and ICT services: the same table and form, each with its own API and labels. */
function NamedCatalogueAdmin<Row extends NamedRow, Id>({
  list,
  create,
  update,
  idOf,
  newLabel,
  caption,
}: {
  list: UseQueryResult<Row[]>;
  create: AdminMutation<{ code: string; nameLv: string; nameEn: string }>;
  update: AdminMutation<{ id: Id; changes: { nameLv: string; nameEn: string; active: boolean } }>;
  idOf: (row: Row) => Id;
  newLabel: MessageKey;
  caption: MessageKey;
}) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<DialogState<Row>>(null);
  const editing = dialog?.mode === 'edit' ? dialog.row : undefined;
  const mutation = editing ? update : create;
  return (
    <>
      <p>
        <button type="button" className="button" onClick={() => setDialog({ mode: 'create' })}>
          {t(newLabel)}
        </button>
      </p>
      <QueryView query={list}>
        {(rows) => (
          <DataTable caption={t(caption)}>
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('admin.nameLv')}</th>
                <th scope="col">{t('admin.nameEn')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row" className="code">
                    {row.code}
                  </th>
                  <td lang="lv">{row.nameLv}</td>
                  <td lang="en">{row.nameEn}</td>
                  <td>
                    <ActiveStatus active={row.active} />
                  </td>
                  <td>
                    <EditButton label={row.code} onClick={() => setDialog({ mode: 'edit', row })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      <Dialog
        open={dialog !== null}
        title={editing ? t('admin.editNamed', { name: editing.code }) : t(newLabel)}
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <AdminForm
            editing={editing !== undefined}
            error={mutation.error}
            pending={mutation.isPending}
            fields={[
              { name: 'code', label: 'common.code', createOnly: true },
              { name: 'nameLv', label: 'admin.nameLv', defaultValue: editing?.nameLv },
              { name: 'nameEn', label: 'admin.nameEn', defaultValue: editing?.nameEn },
              ...(editing
                ? [
                    {
                      name: 'active',
                      label: 'common.active' as const,
                      kind: 'checkbox' as const,
                      defaultValue: editing.active,
                    },
                  ]
                : []),
            ]}
            onSubmit={(values) => {
              const done = { onSuccess: () => setDialog(null) };
              const names = { nameLv: String(values.nameLv), nameEn: String(values.nameEn) };
              if (editing) {
                update.mutate({ id: idOf(editing), changes: { ...names, active: values.active === true } }, done);
              } else {
                create.mutate({ code: String(values.code), ...names }, done);
              }
            }}
          />
        )}
      </Dialog>
    </>
  );
}

export function InstitutionsAdmin() {
  return (
    <NamedCatalogueAdmin
      list={useInstitutions()}
      create={useCreateInstitution()}
      update={useUpdateInstitution()}
      idOf={(row) => row.id}
      newLabel="admin.institutions.new"
      caption="institutions.caption"
    />
  );
}

export function EkkAdmin() {
  const { t } = useI18n();
  const list = useAllEkkCodes();
  const create = useCreateEkkCode();
  const update = useUpdateEkkCode();
  const [dialog, setDialog] = useState<DialogState<NonNullable<typeof list.data>[number]>>(null);
  const editing = dialog?.mode === 'edit' ? dialog.row : undefined;
  const mutation = editing ? update : create;
  return (
    <>
      <p>
        <button type="button" className="button" onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.ekk.new')}
        </button>
      </p>
      <QueryView query={list}>
        {(rows) => (
          <DataTable caption={t('ekk.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('admin.ekk.parent')}</th>
                <th scope="col">{t('admin.nameLv')}</th>
                <th scope="col">{t('admin.nameEn')}</th>
                <th scope="col">{t('ekk.use')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} className={row.retired ? 'is-retired' : undefined}>
                  <th scope="row" className="code">
                    {row.code}
                  </th>
                  <td className="code">{row.parentCode ?? <MissingValue label={t('common.none')} />}</td>
                  <td lang="lv">{row.nameLv}</td>
                  <td lang="en">{row.nameEn}</td>
                  <td>{row.selectable ? t('ekk.selectable') : t('ekk.groupOnly')}</td>
                  <td>{row.retired ? t('ekk.retired') : t('ekk.inUse')}</td>
                  <td>
                    <EditButton label={row.code} onClick={() => setDialog({ mode: 'edit', row })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      <Dialog
        open={dialog !== null}
        title={editing ? t('admin.editNamed', { name: editing.code }) : t('admin.ekk.new')}
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <AdminForm
            editing={editing !== undefined}
            error={mutation.error}
            pending={mutation.isPending}
            fields={[
              { name: 'code', label: 'common.code', createOnly: true },
              { name: 'parentCode', label: 'admin.ekk.parent', createOnly: true },
              { name: 'nameLv', label: 'admin.nameLv', defaultValue: editing?.nameLv },
              { name: 'nameEn', label: 'admin.nameEn', defaultValue: editing?.nameEn },
              {
                name: 'selectable',
                label: 'ekk.selectable',
                kind: 'checkbox',
                defaultValue: editing?.selectable ?? true,
              },
              ...(editing
                ? [
                    {
                      name: 'retired',
                      label: 'ekk.retired' as const,
                      kind: 'checkbox' as const,
                      defaultValue: editing.retired,
                    },
                  ]
                : []),
            ]}
            onSubmit={(values) => {
              const done = { onSuccess: () => setDialog(null) };
              if (editing) {
                update.mutate(
                  {
                    id: editing.code,
                    changes: {
                      nameLv: String(values.nameLv),
                      nameEn: String(values.nameEn),
                      selectable: values.selectable === true,
                      retired: values.retired === true,
                    },
                  },
                  done,
                );
              } else {
                create.mutate(
                  {
                    code: String(values.code),
                    parentCode: values.parentCode ? String(values.parentCode) : null,
                    nameLv: String(values.nameLv),
                    nameEn: String(values.nameEn),
                    selectable: values.selectable === true,
                  },
                  done,
                );
              }
            }}
          />
        )}
      </Dialog>
    </>
  );
}

export function IctServicesAdmin() {
  return (
    <NamedCatalogueAdmin
      list={useIctServices()}
      create={useCreateIctService()}
      update={useUpdateIctService()}
      idOf={(row) => row.code}
      newLabel="admin.services.new"
      caption="ictServices.caption"
    />
  );
}

export function InformationSystemsAdmin() {
  const { t } = useI18n();
  const list = useInformationSystems();
  const create = useCreateInformationSystem();
  const update = useUpdateInformationSystem();
  const [dialog, setDialog] = useState<DialogState<NonNullable<typeof list.data>[number]>>(null);
  const editing = dialog?.mode === 'edit' ? dialog.row : undefined;
  const mutation = editing ? update : create;
  return (
    <>
      <p>
        <button type="button" className="button" onClick={() => setDialog({ mode: 'create' })}>
          {t('admin.systems.new')}
        </button>
      </p>
      <QueryView query={list}>
        {(rows) => (
          <DataTable caption={t('informationSystems.caption')}>
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('informationSystems.kind')}</th>
                <th scope="col">{t('common.status')}</th>
                <th scope="col">{t('admin.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row" className="code">
                    {row.code}
                  </th>
                  <td>{row.name}</td>
                  <td>{row.kind}</td>
                  <td>
                    <ActiveStatus active={row.active} />
                  </td>
                  <td>
                    <EditButton label={row.code} onClick={() => setDialog({ mode: 'edit', row })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </QueryView>
      <Dialog
        open={dialog !== null}
        title={editing ? t('admin.editNamed', { name: editing.code }) : t('admin.systems.new')}
        onClose={() => setDialog(null)}
      >
        {dialog && (
          <AdminForm
            editing={editing !== undefined}
            error={mutation.error}
            pending={mutation.isPending}
            fields={[
              { name: 'code', label: 'common.code', createOnly: true },
              { name: 'name', label: 'common.name', defaultValue: editing?.name },
              { name: 'functionLv', label: 'admin.systems.functionLv', defaultValue: editing?.functionLv },
              { name: 'functionEn', label: 'admin.systems.functionEn', defaultValue: editing?.functionEn },
              { name: 'kind', label: 'informationSystems.kind', defaultValue: editing?.kind },
              ...(editing
                ? [
                    {
                      name: 'active',
                      label: 'common.active' as const,
                      kind: 'checkbox' as const,
                      defaultValue: editing.active,
                    },
                  ]
                : []),
            ]}
            onSubmit={(values) => {
              const done = { onSuccess: () => setDialog(null) };
              const common = {
                name: String(values.name),
                functionLv: String(values.functionLv),
                functionEn: String(values.functionEn),
                kind: String(values.kind),
              };
              if (editing)
                update.mutate({ id: editing.code, changes: { ...common, active: values.active === true } }, done);
              else create.mutate({ code: String(values.code), ...common }, done);
            }}
          />
        )}
      </Dialog>
    </>
  );
}
