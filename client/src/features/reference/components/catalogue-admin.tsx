import type { IctService, Institution, TbmCategory } from '@ikt/shared/reference.schema';
import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { QueryTable } from '../../../components/data-table';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { FormActions } from '../../../components/form-actions';
import { MissingValue } from '../../../components/missing-value';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { ActiveStatus } from '../../../components/active-status';
import {
  ekkCodeWrites,
  ictServiceWrites,
  informationSystemWrites,
  institutionWrites,
  tbmWrites,
} from '../api/catalogue-writes';
import { useAllEkkCodes } from '../api/get-all-ekk-codes';
import { useTbmCategories, type TbmList } from '../api/get-tbm-categories';
import { useIctServices } from '../../../api/reference/get-ict-services';
import { useInformationSystems } from '../../../api/reference/get-information-systems';
import { useInstitutions } from '../../../api/reference/get-institutions';
import { EditButton } from '../../../components/edit-button';

/** A field of a small admin form: a text input, a checkbox or a choice, named for FormData. */
interface FieldSpec {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'checkbox' | 'select';
  defaultValue?: string | boolean | undefined;
  /** Only when creating (a code cannot change). */
  createOnly?: boolean;
  /** A choice's options (value '' is "none"). */
  options?: { value: string; label: string }[];
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
  onSubmit: (values: FormValues) => void;
}) {
  const { t } = useI18n();
  const prefix = useId();
  return (
    <form
      noValidate
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const values: FormValues = {};
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
              {field.kind === 'select' ? (
                <select
                  id={`${prefix}-${field.name}`}
                  name={field.name}
                  className="field__input"
                  defaultValue={typeof field.defaultValue === 'string' ? field.defaultValue : ''}
                >
                  {field.options?.map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={`${prefix}-${field.name}`}
                  name={field.name}
                  className="field__input"
                  autoComplete="off"
                  defaultValue={typeof field.defaultValue === 'string' ? field.defaultValue : ''}
                />
              )}
            </div>
          ),
        )}
      <FormActions pending={pending} />
    </form>
  );
}

type FormValues = Record<string, string | boolean>;

interface AdminMutation<Input> {
  mutate: (input: Input, options: { onSuccess: () => void }) => void;
  error: Error | null;
  isPending: boolean;
}

interface CatalogueAdminProps<Row extends { code: string }, Create, Update> {
  list: UseQueryResult<Row[]>;
  create: AdminMutation<Create>;
  update: AdminMutation<Update>;
  newLabel: MessageKey;
  caption: MessageKey;
  /** The headings of the columns between the code and the actions. */
  columns: MessageKey[];
  /** A row's cells between its code and its Edit button. */
  cells: (row: Row) => ReactNode;
  rowClassName?: (row: Row) => string | undefined;
  /** The form's fields: a new entry's, or those of the entry being edited. */
  fields: (editing: Row | undefined) => FieldSpec[];
  toCreate: (values: FormValues) => Create;
  toUpdate: (row: Row, values: FormValues) => Update;
}

/**
 * One catalogue an administrator maintains: its table with an Edit button on each row, and the
 * dialog that adds an entry or changes one — each catalogue with its own columns, fields and API.
 */
function CatalogueAdmin<Row extends { code: string }, Create, Update>({
  list,
  create,
  update,
  newLabel,
  caption,
  columns,
  cells,
  rowClassName,
  fields,
  toCreate,
  toUpdate,
}: CatalogueAdminProps<Row, Create, Update>) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<{ mode: 'create' } | { mode: 'edit'; row: Row } | null>(null);
  const editing = dialog?.mode === 'edit' ? dialog.row : undefined;
  const mutation = editing ? update : create;
  return (
    <>
      <p>
        <button type="button" className="button" onClick={() => setDialog({ mode: 'create' })}>
          {t(newLabel)}
        </button>
      </p>
      <QueryTable
        query={list}
        caption={t(caption)}
        head={['common.code' as const, ...columns, 'admin.actions' as const].map((key) => t(key))}
      >
        {(rows) => (
          <tbody>
            {rows.map((row) => (
              <tr key={row.code} className={rowClassName?.(row)}>
                <th scope="row" className="code">
                  {row.code}
                </th>
                {cells(row)}
                <td>
                  <EditButton label={row.code} onClick={() => setDialog({ mode: 'edit', row })} />
                </td>
              </tr>
            ))}
          </tbody>
        )}
      </QueryTable>
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
            fields={fields(editing)}
            onSubmit={(values) => {
              const done = { onSuccess: () => setDialog(null) };
              if (editing) update.mutate(toUpdate(editing, values), done);
              else create.mutate(toCreate(values), done);
            }}
          />
        )}
      </Dialog>
    </>
  );
}

const codeField: FieldSpec = { name: 'code', label: 'common.code', createOnly: true };

/** The checkbox an entry is retired (or kept) with: only when editing, as a new entry is in use. */
function editOnlyCheckbox(
  editing: unknown,
  name: string,
  label: MessageKey,
  checked: boolean | undefined,
): FieldSpec[] {
  return editing ? [{ name, label, kind: 'checkbox', defaultValue: checked }] : [];
}

/** A catalogue row with a code, a name in each language and whether it is in use. */
interface NamedRow {
  code: string;
  nameLv: string;
  nameEn: string;
  active: boolean;
}

/** Institutions and ICT services: the same columns and form, each with its own API and labels. */
function namedCatalogue<Row extends NamedRow, Id>(idOf: (row: Row) => Id) {
  return {
    columns: ['admin.nameLv', 'admin.nameEn', 'common.status'] satisfies MessageKey[],
    cells: (row: Row) => (
      <>
        <td lang="lv">{row.nameLv}</td>
        <td lang="en">{row.nameEn}</td>
        <td>
          <ActiveStatus active={row.active} />
        </td>
      </>
    ),
    fields: (editing: Row | undefined): FieldSpec[] => [
      codeField,
      { name: 'nameLv', label: 'admin.nameLv', defaultValue: editing?.nameLv },
      { name: 'nameEn', label: 'admin.nameEn', defaultValue: editing?.nameEn },
      ...editOnlyCheckbox(editing, 'active', 'common.active', editing?.active),
    ],
    toCreate: (values: FormValues) => ({
      code: String(values.code),
      nameLv: String(values.nameLv),
      nameEn: String(values.nameEn),
    }),
    toUpdate: (row: Row, values: FormValues) => ({
      id: idOf(row),
      changes: { nameLv: String(values.nameLv), nameEn: String(values.nameEn), active: values.active === true },
    }),
  };
}

export function InstitutionsAdmin() {
  return (
    <CatalogueAdmin
      list={useInstitutions()}
      create={institutionWrites.useCreate()}
      update={institutionWrites.useUpdate()}
      newLabel="admin.institutions.new"
      caption="institutions.caption"
      {...namedCatalogue((row: Institution) => row.id)}
    />
  );
}

/**
 * The TBM mapping of an entry as a choice among the pools or towers in use (and the one it has,
 * should that be no longer in use), "not mapped" first; its column shows the code.
 */
function useTbmMapping(list: TbmList, name: string, label: MessageKey) {
  const { t, localize } = useI18n();
  const categories = useTbmCategories(list).data ?? [];
  return {
    cell: (code: string | undefined) => (
      <td className="code">{code ?? <MissingValue label={t('admin.tbm.unmapped')} />}</td>
    ),
    field: (current: string | undefined): FieldSpec => ({
      name,
      label,
      kind: 'select',
      defaultValue: current ?? '',
      options: [
        { value: '', label: t('admin.tbm.unmapped') },
        ...categories
          .filter((c) => c.active || c.code === current)
          .map((c) => ({ value: c.code, label: `${c.code} — ${localize(c.nameLv, c.nameEn)}` })),
      ],
    }),
    /** The form's choice: a code, or null to leave (or make) the entry unmapped. */
    valueOf: (values: FormValues) => (values[name] ? String(values[name]) : null),
  };
}

export function IctServicesAdmin() {
  const named = namedCatalogue((row: IctService) => row.code);
  const tower = useTbmMapping('towers', 'tbmTowerCode', 'admin.tbm.tower');
  return (
    <CatalogueAdmin
      list={useIctServices()}
      create={ictServiceWrites.useCreate()}
      update={ictServiceWrites.useUpdate()}
      newLabel="admin.services.new"
      caption="ictServices.caption"
      columns={[...named.columns, 'admin.tbm.tower']}
      cells={(row) => (
        <>
          {named.cells(row)}
          {tower.cell(row.tbmTowerCode)}
        </>
      )}
      fields={(editing) => [...named.fields(editing), tower.field(editing?.tbmTowerCode)]}
      toCreate={(values) => ({ ...named.toCreate(values), tbmTowerCode: tower.valueOf(values) })}
      toUpdate={(row, values) => {
        const update = named.toUpdate(row, values);
        return { ...update, changes: { ...update.changes, tbmTowerCode: tower.valueOf(values) } };
      }}
    />
  );
}

/** The TBM cost pools or towers: named entries like the institutions, each change naming its version. */
export function TbmAdmin({ list }: { list: TbmList }) {
  const named = namedCatalogue((row: TbmCategory) => row.code);
  const writes = tbmWrites(list);
  return (
    <CatalogueAdmin
      list={useTbmCategories(list)}
      create={writes.useCreate()}
      update={writes.useUpdate()}
      newLabel={list === 'costPools' ? 'admin.tbm.newCostPool' : 'admin.tbm.newTower'}
      caption={list === 'costPools' ? 'admin.tbm.costPoolsCaption' : 'admin.tbm.towersCaption'}
      {...named}
      toUpdate={(row, values) => ({ ...named.toUpdate(row, values), version: row.version })}
    />
  );
}

export function EkkAdmin() {
  const { t } = useI18n();
  const pool = useTbmMapping('costPools', 'tbmCostPoolCode', 'admin.tbm.costPool');
  return (
    <CatalogueAdmin
      list={useAllEkkCodes()}
      create={ekkCodeWrites.useCreate()}
      update={ekkCodeWrites.useUpdate()}
      newLabel="admin.ekk.new"
      caption="ekk.caption"
      columns={['admin.ekk.parent', 'admin.nameLv', 'admin.nameEn', 'ekk.use', 'common.status', 'admin.tbm.costPool']}
      rowClassName={(row) => (row.retired ? 'is-retired' : undefined)}
      cells={(row) => (
        <>
          <td className="code">{row.parentCode ?? <MissingValue label={t('common.none')} />}</td>
          <td lang="lv">{row.nameLv}</td>
          <td lang="en">{row.nameEn}</td>
          <td>{row.selectable ? t('ekk.selectable') : t('ekk.groupOnly')}</td>
          <td>{row.retired ? t('ekk.retired') : t('ekk.inUse')}</td>
          {pool.cell(row.tbmCostPoolCode)}
        </>
      )}
      fields={(editing) => [
        codeField,
        { name: 'parentCode', label: 'admin.ekk.parent', createOnly: true },
        { name: 'nameLv', label: 'admin.nameLv', defaultValue: editing?.nameLv },
        { name: 'nameEn', label: 'admin.nameEn', defaultValue: editing?.nameEn },
        { name: 'selectable', label: 'ekk.selectable', kind: 'checkbox', defaultValue: editing?.selectable ?? true },
        ...editOnlyCheckbox(editing, 'retired', 'ekk.retired', editing?.retired),
        pool.field(editing?.tbmCostPoolCode),
      ]}
      toCreate={(values) => ({
        code: String(values.code),
        parentCode: values.parentCode ? String(values.parentCode) : null,
        nameLv: String(values.nameLv),
        nameEn: String(values.nameEn),
        selectable: values.selectable === true,
        tbmCostPoolCode: pool.valueOf(values),
      })}
      toUpdate={(row, values) => ({
        id: row.code,
        changes: {
          nameLv: String(values.nameLv),
          nameEn: String(values.nameEn),
          selectable: values.selectable === true,
          retired: values.retired === true,
          tbmCostPoolCode: pool.valueOf(values),
        },
      })}
    />
  );
}

export function InformationSystemsAdmin() {
  const systemFields = (values: FormValues) => ({
    name: String(values.name),
    functionLv: String(values.functionLv),
    functionEn: String(values.functionEn),
    kind: String(values.kind),
  });
  return (
    <CatalogueAdmin
      list={useInformationSystems()}
      create={informationSystemWrites.useCreate()}
      update={informationSystemWrites.useUpdate()}
      newLabel="admin.systems.new"
      caption="informationSystems.caption"
      columns={['common.name', 'informationSystems.kind', 'common.status']}
      cells={(row) => (
        <>
          <td>{row.name}</td>
          <td>{row.kind}</td>
          <td>
            <ActiveStatus active={row.active} />
          </td>
        </>
      )}
      fields={(editing) => [
        codeField,
        { name: 'name', label: 'common.name', defaultValue: editing?.name },
        { name: 'functionLv', label: 'admin.systems.functionLv', defaultValue: editing?.functionLv },
        { name: 'functionEn', label: 'admin.systems.functionEn', defaultValue: editing?.functionEn },
        { name: 'kind', label: 'informationSystems.kind', defaultValue: editing?.kind },
        ...editOnlyCheckbox(editing, 'active', 'common.active', editing?.active),
      ]}
      toCreate={(values) => ({ code: String(values.code), ...systemFields(values) })}
      toUpdate={(row, values) => ({
        id: row.code,
        changes: { ...systemFields(values), active: values.active === true },
      })}
    />
  );
}
