import type { User } from '@ikt/shared/auth.schema';
import type { Cycle } from '@ikt/shared/cycle.schema';
import { CYCLE_STATUS_LABELS } from '@ikt/shared/labels';
import { CYCLE_TRANSITIONS, can } from '@ikt/shared/permissions';
import { useId, useState, type FormEvent } from 'react';
import { isStaleVersion } from '../../../api/client';
import { QueryTable } from '../../../components/data-table';
import { MissingValue } from '../../../components/missing-value';
import { Dialog } from '../../../components/dialog';
import { ErrorState } from '../../../components/error-state';
import { FormActions } from '../../../components/form-actions';
import { FormField } from '../../../components/form-field';
import { CycleStatusBadge } from '../../../components/status-badge';
import { formatDate } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { useCreateCycle } from '../api/create-cycle';
import { useCycles } from '../api/get-cycles';
import { useRolloverCycle } from '../api/rollover-cycle';
import { useUpdateCycle } from '../api/update-cycle';
import { CycleTransitionDialog, type CycleMove } from './cycle-transition-dialog';

/** Budget cycles: their status and the moves this user may make, rollover, deadline, and a new cycle. */
export function CyclesAdmin({ user }: { user: User }) {
  const { t, language } = useI18n();
  const cycles = useCycles();
  const rollover = useRolloverCycle();
  const [editing, setEditing] = useState<Cycle | null>(null);
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<CycleMove | null>(null);
  const manager = can(user, { action: 'cycle.manage' });
  const error = rollover.error;

  return (
    <>
      {manager && (
        <p>
          <button type="button" className="button" onClick={() => setCreating(true)}>
            {t('admin.cycles.new')}
          </button>
        </p>
      )}
      {error && <ErrorState error={error} />}
      {rollover.data && (
        <p className="notice" role="status">
          {t('admin.cycles.rolledOver', {
            items: rollover.data.itemsCopied,
            subProgrammes: rollover.data.subProgrammesCreated,
          })}
        </p>
      )}
      <QueryTable
        query={cycles}
        caption={t('admin.cycles.caption')}
        head={[
          t('admin.cycles.year'),
          t('common.name'),
          t('common.status'),
          t('cycle.deadline'),
          t('admin.cycles.base'),
          t('admin.actions'),
        ]}
      >
        {(list) => (
          <tbody>
            {list.map((cycle) => {
              const moves = CYCLE_TRANSITIONS.filter(
                (move) =>
                  move.from === cycle.status && can(user, { action: 'cycle.transition', from: move.from, to: move.to }),
              );
              const base = list.find((other) => other.id === cycle.baseCycleId);
              return (
                <tr key={cycle.id}>
                  <td className="num">{cycle.year}</td>
                  <th scope="row">{cycle.title}</th>
                  <td>
                    <CycleStatusBadge status={cycle.status} />
                  </td>
                  <td className="num">
                    {cycle.submissionDeadline ? (
                      formatDate(cycle.submissionDeadline)
                    ) : (
                      <MissingValue label={t('cycle.noDeadline')} />
                    )}
                  </td>
                  <td>{base?.title ?? <MissingValue label={t('common.none')} />}</td>
                  <td>
                    <div className="row-actions">
                      {moves.map((move) => (
                        <button
                          key={move.to}
                          type="button"
                          className="button button--secondary"
                          onClick={() => setConfirm({ cycle, to: move.to })}
                        >
                          {t('admin.cycles.moveTo', { status: CYCLE_STATUS_LABELS[move.to][language] })}
                          <span className="visually-hidden"> — {cycle.title}</span>
                        </button>
                      ))}
                      {manager && cycle.status === 'draft' && cycle.baseCycleId !== null && (
                        <button
                          type="button"
                          className="button button--secondary"
                          onClick={() => rollover.mutate(cycle.id)}
                        >
                          {t('admin.cycles.rollover')}
                          <span className="visually-hidden"> — {cycle.title}</span>
                        </button>
                      )}
                      {manager && (
                        <button type="button" className="button button--quiet" onClick={() => setEditing(cycle)}>
                          {t('admin.edit')}
                          <span className="visually-hidden"> — {cycle.title}</span>
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        )}
      </QueryTable>
      <CycleTransitionDialog move={confirm} onClose={() => setConfirm(null)} />
      <Dialog open={editing !== null} title={t('admin.cycles.editTitle')} onClose={() => setEditing(null)}>
        {editing && <EditCycleForm cycle={editing} onDone={() => setEditing(null)} />}
      </Dialog>
      <Dialog open={creating} title={t('admin.cycles.new')} onClose={() => setCreating(false)}>
        {creating && <CreateCycleForm cycles={cycles.data ?? []} onDone={() => setCreating(false)} />}
      </Dialog>
    </>
  );
}

function EditCycleForm({ cycle, onDone }: { cycle: Cycle; onDone: () => void }) {
  const { t } = useI18n();
  const update = useUpdateCycle();
  const ids = { title: useId(), deadline: useId() };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const title = String(form.get('title') ?? '').trim();
    const deadline = String(form.get('deadline') ?? '');
    update.mutate(
      { cycle, changes: { title, submissionDeadline: deadline === '' ? null : deadline } },
      { onSuccess: onDone },
    );
  }
  return (
    <form noValidate onSubmit={onSubmit}>
      {update.isError &&
        (isStaleVersion(update.error) ? (
          <p className="conflict" role="alert">
            {t('admin.cycles.stale')}
          </p>
        ) : (
          <ErrorState error={update.error} />
        ))}
      <FormField id={ids.title} label={t('common.name')}>
        {(control) => (
          <input
            {...control}
            name="title"
            className="field__input"
            defaultValue={cycle.title}
            required
            maxLength={200}
          />
        )}
      </FormField>
      <DeadlineField id={ids.deadline} defaultValue={cycle.submissionDeadline ?? ''} />
      <FormActions pending={update.isPending} />
    </form>
  );
}

function CreateCycleForm({ cycles, onDone }: { cycles: readonly Cycle[]; onDone: () => void }) {
  const { t } = useI18n();
  const create = useCreateCycle();
  const ids = { year: useId(), title: useId(), deadline: useId(), base: useId() };
  const nextYear = Math.max(new Date().getFullYear() + 1, ...cycles.map((cycle) => cycle.year + 1));
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    create.mutate(
      {
        year: Number(text('year')),
        title: text('title').trim(),
        submissionDeadline: text('deadline') || null,
        baseCycleId: text('base') ? Number(text('base')) : null,
      },
      { onSuccess: onDone },
    );
  }
  return (
    <form noValidate onSubmit={onSubmit}>
      {create.isError && <ErrorState error={create.error} />}
      <div className="field-row">
        <FormField id={ids.year} label={t('admin.cycles.year')}>
          {(control) => (
            <input
              {...control}
              name="year"
              type="number"
              min={2000}
              max={2200}
              className="field__input field__input--short"
              defaultValue={nextYear}
            />
          )}
        </FormField>
        <DeadlineField id={ids.deadline} />
      </div>
      <FormField id={ids.title} label={t('common.name')}>
        {(control) => (
          <input
            {...control}
            name="title"
            className="field__input"
            maxLength={200}
            defaultValue={`IKT budžets ${nextYear}–${nextYear + 2}`}
          />
        )}
      </FormField>
      <FormField id={ids.base} label={t('admin.cycles.base')}>
        {(control) => (
          <select {...control} name="base" className="field__input" defaultValue={cycles[0]?.id ?? ''}>
            <option value="">{t('common.none')}</option>
            {cycles.map((cycle) => (
              <option key={cycle.id} value={cycle.id}>
                {cycle.title}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormActions pending={create.isPending} label={t('admin.cycles.create')} />
    </form>
  );
}

function DeadlineField({ id, defaultValue }: { id: string; defaultValue?: string }) {
  const { t } = useI18n();
  return (
    <FormField id={id} label={t('cycle.deadline')}>
      {(control) => (
        <input
          {...control}
          name="deadline"
          type="date"
          className="field__input field__input--date"
          defaultValue={defaultValue}
        />
      )}
    </FormField>
  );
}
