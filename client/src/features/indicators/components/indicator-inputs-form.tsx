import type { Indicators, IndicatorsAnswer } from '@ikt/shared/indicators.schema';
import { useId, useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/error-state';
import { FormActions } from '../../../components/form-actions';
import { FormField } from '../../../components/form-field';
import { MoneyField } from '../../../components/money-field';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import { useSetIndicatorInputs } from '../api/set-indicator-inputs';

const COUNTS = ['ictUsers', 'computers', 'itStaff'] as const;
type CountField = (typeof COUNTS)[number];
const COUNT_LABELS: Record<CountField, MessageKey> = {
  ictUsers: 'indicators.input.ictUsers',
  computers: 'indicators.input.computers',
  itStaff: 'indicators.input.itStaff',
};

/** A whole number as typed, with or without spaces between thousands. */
function parseCount(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, '');
  return /^\d{1,8}$/.test(compact) ? Number(compact) : undefined;
}

const NO_INPUTS: Indicators['inputs'] = { municipalBudgetTotal: null, ictUsers: null, computers: null, itStaff: null };

/** ITC's inputs for the M6 indicators. */
export function IndicatorInputsForm({ cycleId, indicators }: { cycleId: number; indicators: IndicatorsAnswer }) {
  const { t } = useI18n();
  // Only the city's figures carry the inputs (ITC, who sets them, always gets those).
  const inputs = indicators.scope === 'city' ? indicators.inputs : NO_INPUTS;
  const save = useSetIndicatorInputs();
  const ids = { ictUsers: useId(), computers: useId(), itStaff: useId() };
  const [budgetProblem, setBudgetProblem] = useState<MoneyInputProblem | undefined>();
  const [countProblems, setCountProblems] = useState<Partial<Record<CountField, boolean>>>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const budget = parseMoneyInput(text('municipalBudgetTotal'));
    setBudgetProblem(budget.ok ? undefined : budget.problem);
    const counts = Object.fromEntries(COUNTS.map((field) => [field, parseCount(text(field))])) as Record<
      CountField,
      number | undefined
    >;
    const problems = Object.fromEntries(COUNTS.map((field) => [field, counts[field] === undefined]));
    setCountProblems(problems);
    if (!budget.ok || COUNTS.some((field) => counts[field] === undefined)) return;
    save.mutate({
      cycleId,
      inputs: {
        municipalBudgetTotal: budget.value,
        ictUsers: counts.ictUsers!,
        computers: counts.computers!,
        itStaff: counts.itStaff!,
      },
    });
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      {save.isError && <ErrorState error={save.error} />}
      <MoneyField
        name="municipalBudgetTotal"
        label={t('indicators.input.municipalBudgetTotal')}
        defaultValue={inputs.municipalBudgetTotal ?? ''}
        required
        problem={budgetProblem}
      />
      <div className="field-row">
        {COUNTS.map((field) => (
          <FormField
            key={field}
            id={ids[field]}
            label={t(COUNT_LABELS[field])}
            message={countProblems[field] ? t('indicators.countInvalid') : undefined}
          >
            {(control) => (
              <input
                {...control}
                name={field}
                className="field__input field__input--short"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={inputs[field] ?? ''}
              />
            )}
          </FormField>
        ))}
      </div>
      <FormActions pending={save.isPending}>
        <span role="status">{save.isSuccess ? t('item.saved') : ''}</span>
      </FormActions>
    </form>
  );
}
