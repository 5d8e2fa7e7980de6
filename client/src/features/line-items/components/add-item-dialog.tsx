import { COST_NATURES, PRIORITIES, type CostNature, type Priority } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import type { LineItem } from '@ikt/shared/line-item.schema';
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions } from '../../../components/form-actions';
import { FormField } from '../../../components/form-field';
import { FormProblem, useFormProblems } from '../../../components/form-problem';
import { LabelOptions } from '../../../components/options';
import { MoneyField } from '../../../components/money-field';
import { useUnsavedChanges } from '../../../hooks/use-unsaved-changes';
import { useI18n } from '../../../i18n/i18n-context';
import { parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import { useCreateLineItem } from '../api/create-line-item';
import type { EkkOption } from './line-item-grid';

interface AddItemDialogProps {
  open: boolean;
  subProgrammeId: number;
  fiscalYears: readonly number[];
  ekkOptions: readonly EkkOption[];
  onClose: () => void;
  onCreated: (item: LineItem) => void;
}

/** A new item: what the API needs to create it (title, EKK, cost nature, priority) and its amounts. */
export function AddItemDialog(props: AddItemDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} title={t('addItem.title')} onClose={props.onClose}>
      {props.open && <AddItemForm {...props} />}
    </Dialog>
  );
}

function AddItemForm({ subProgrammeId, fiscalYears, ekkOptions, onClose, onCreated }: AddItemDialogProps) {
  const { t } = useI18n();
  const create = useCreateLineItem();
  const ids = { title: useId(), ekk: useId(), costNature: useId(), priority: useId() };
  const [titleMissing, setTitleMissing] = useState(false);
  const [ekkMissing, setEkkMissing] = useState(false);
  const [amountProblems, setAmountProblems] = useState<Record<string, MoneyInputProblem>>({});
  const amountIds = Object.fromEntries(fiscalYears.map((year) => [`amounts.${year}`, `${ids.title}-amount-${year}`]));
  const problems = useFormProblems(
    create.error,
    { fields: ['title', 'ekkCode', 'costNature', 'priority', ...Object.keys(amountIds)] },
    { title: ids.title, ekkCode: ids.ekk, costNature: ids.costNature, priority: ids.priority, ...amountIds },
  );
  const titleMessage = titleMissing ? t('grid.titleRequired') : problems.fields.title;
  const ekkMessage = ekkMissing ? t('addItem.ekkRequired') : problems.fields.ekkCode;
  // Typed, not yet added: leaving the page (the browser's back button, a reload) asks first.
  const [dirty, setDirty] = useState(false);
  useUnsavedChanges(dirty);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const title = text('title').replace(/\s+/g, ' ').trim();
    const amounts: Record<string, string> = {};
    const problems: Record<string, MoneyInputProblem> = {};
    for (const year of fiscalYears) {
      const parsed = parseMoneyInput(text(`amount-${year}`));
      if (parsed.ok) amounts[String(year)] = parsed.value;
      else if (parsed.problem !== 'empty') problems[String(year)] = parsed.problem;
    }
    setTitleMissing(title === '');
    setEkkMissing(text('ekkCode') === '');
    setAmountProblems(problems);
    if (title === '') {
      document.getElementById(ids.title)?.focus();
      return;
    }
    if (text('ekkCode') === '') {
      document.getElementById(ids.ekk)?.focus();
      return;
    }
    if (Object.keys(problems).length > 0) return;
    create.mutate(
      {
        subProgrammeId,
        input: {
          title,
          ekkCode: text('ekkCode'),
          costNature: text('costNature') as CostNature,
          priority: text('priority') as Priority,
          amounts,
        },
      },
      { onSuccess: (item) => onCreated(item) },
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} onChange={() => setDirty(true)} className="add-item">
      <FormProblem error={create.error} problems={problems} />
      <FormField id={ids.title} label={t('grid.column.title')} message={titleMessage}>
        {(control) => (
          <input
            {...control}
            name="title"
            className="field__input"
            maxLength={300}
            autoComplete="off"
            // The dialog opens to type the title straight away.
            data-autofocus
            aria-required
          />
        )}
      </FormField>
      <FormField id={ids.ekk} label={t('grid.column.ekk')} message={ekkMessage}>
        {(control) => (
          <select {...control} name="ekkCode" className="field__input" defaultValue="" aria-required>
            <option value="">{t('addItem.chooseEkk')}</option>
            {ekkOptions.map((option) => (
              <option key={option.code} value={option.code}>
                {option.code} — {option.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field-row">
        <FormField id={ids.costNature} label={t('grid.column.costNature')} message={problems.fields.costNature}>
          {(control) => (
            <select {...control} name="costNature" className="field__input">
              <LabelOptions codes={COST_NATURES} labels={COST_NATURE_LABELS} />
            </select>
          )}
        </FormField>
        <FormField id={ids.priority} label={t('grid.column.priority')} message={problems.fields.priority}>
          {(control) => (
            <select {...control} name="priority" className="field__input" defaultValue="medium">
              <LabelOptions codes={PRIORITIES} labels={PRIORITY_LABELS} />
            </select>
          )}
        </FormField>
      </div>
      <div className="field-row">
        {fiscalYears.map((year) => (
          <MoneyField
            key={year}
            id={amountIds[`amounts.${year}`]}
            name={`amount-${year}`}
            label={t('addItem.amountFor', { year })}
            problem={amountProblems[String(year)]}
            message={problems.fields[`amounts.${year}`]}
          />
        ))}
      </div>
      <p className="hint">{t('addItem.defenceLater')}</p>
      <FormActions pending={create.isPending} label={t('addItem.submit')} onCancel={onClose} />
    </form>
  );
}
