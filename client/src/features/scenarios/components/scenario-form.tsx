import type { Cycle } from '@ikt/shared/cycle.schema';
import type { ScenarioTargetKind } from '@ikt/shared/domain';
import {
  scenarioInfeasibleSchema,
  type CreateScenarioInput,
  type Scenario,
  type ScenarioInfeasible,
} from '@ikt/shared/scenario.schema';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/client';
import { FormActions } from '../../../components/form-actions';
import { FormField } from '../../../components/form-field';
import { FormProblem, useFormProblems } from '../../../components/form-problem';
import { MoneyField } from '../../../components/money-field';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { formatMoney, parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import { parsePercentInput } from '../../../utils/percent-input';
import { useCreateScenario } from '../api/create-scenario';

/**
 * "Cut year Y by X": one target, computed by both methods at once so they can be compared side
 * by side — by priority (whole items, least important first) and uniformly (the mechanical cut).
 */
export function ScenarioForm({ cycle, onCreated }: { cycle: Cycle; onCreated: (pair: [Scenario, Scenario]) => void }) {
  const { t, language } = useI18n();
  const create = useCreateScenario();
  const ids = { name: useId(), year: useId(), percent: useId(), amount: useId() };
  const [kind, setKind] = useState<ScenarioTargetKind>('percent');
  const [amountProblem, setAmountProblem] = useState<MoneyInputProblem | undefined>();
  const [percentInvalid, setPercentInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const problems = useFormProblems(
    create.error,
    { fields: ['name', 'fiscalYear'], paths: { 'target.value': kind, target: kind } },
    { name: ids.name, fiscalYear: ids.year, percent: ids.percent, amount: ids.amount },
  );
  // Too large a cut: say how far the year can go, in the form's own terms.
  const infeasible = infeasibleOf(create.error);
  const largest = infeasible && {
    year: infeasible.fiscalYear,
    percent: `${formatDecimal(infeasible.largestPercent, language)}\u00a0%`,
    amount: formatMoney(infeasible.largestReduction),
    total: formatMoney(infeasible.yearTotal),
  };
  const targetMessage = largest ? t('scenarios.infeasible.field', largest) : problems.fields[kind];
  const percentMessage = percentInvalid ? t('scenarios.percentInvalid') : targetMessage;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    // A refusal holds for what was sent then; a new attempt starts without it.
    create.reset();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    let target: CreateScenarioInput['target'];
    if (kind === 'amount') {
      const parsed = parseMoneyInput(text('amount'));
      setAmountProblem(parsed.ok ? undefined : parsed.problem);
      if (!parsed.ok) return;
      target = { kind: 'amount', value: parsed.value };
    } else {
      const percent = parsePercentInput(text('percent'));
      setPercentInvalid(percent === undefined);
      if (percent === undefined) {
        document.getElementById(ids.percent)?.focus();
        return;
      }
      target = { kind: 'percent', value: percent };
    }
    const name = text('name').trim() || t('scenarios.defaultName');
    const fiscalYear = Number(text('fiscalYear'));
    setBusy(true);
    try {
      const byPriority = await create.mutateAsync({
        cycleId: cycle.id,
        input: { name: `${name} — ${t('scenarios.method.priority')}`, fiscalYear, method: 'priority', target },
      });
      const uniform = await create.mutateAsync({
        cycleId: cycle.id,
        input: { name: `${name} — ${t('scenarios.method.uniform')}`, fiscalYear, method: 'uniform', target },
      });
      onCreated([byPriority, uniform]);
    } catch {
      // The error is shown from the mutation's state.
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)} className="scenario-form">
      <FormProblem
        error={create.error}
        problems={problems}
        title={largest ? t('scenarios.infeasible.title') : t('scenarios.failed')}
        message={largest ? t('scenarios.infeasible', largest) : undefined}
      />
      <div className="field-row">
        <FormField id={ids.name} label={t('scenarios.name')} message={problems.fields.name}>
          {(control) => <input {...control} name="name" className="field__input" maxLength={180} autoComplete="off" />}
        </FormField>
        <FormField id={ids.year} label={t('scenarios.fiscalYear')} message={problems.fields.fiscalYear}>
          {(control) => (
            <select {...control} name="fiscalYear" className="field__input">
              {cycle.fiscalYears.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <fieldset className="field radio-group">
        <legend className="field__label">{t('scenarios.targetKind')}</legend>
        <label className="checkbox">
          <input type="radio" name="kind" checked={kind === 'percent'} onChange={() => setKind('percent')} />{' '}
          {t('scenarios.kind.percent')}
        </label>
        <label className="checkbox">
          <input type="radio" name="kind" checked={kind === 'amount'} onChange={() => setKind('amount')} />{' '}
          {t('scenarios.kind.amount')}
        </label>
      </fieldset>
      {kind === 'amount' ? (
        <MoneyField
          id={ids.amount}
          name="amount"
          label={t('scenarios.targetAmount')}
          required
          problem={amountProblem}
          message={targetMessage}
        />
      ) : (
        <FormField id={ids.percent} label={t('scenarios.targetPercent')} message={percentMessage}>
          {(control) => (
            <input
              {...control}
              name="percent"
              className="field__input field__input--short"
              inputMode="decimal"
              autoComplete="off"
            />
          )}
        </FormField>
      )}
      <FormActions
        pending={busy}
        label={t('scenarios.compute')}
        pendingLabel={t('scenarios.computing')}
        disabled={busy}
      />
    </form>
  );
}

/** The largest possible cut, when the server refused the target as too large for the year. */
function infeasibleOf(error: Error | null): ScenarioInfeasible | undefined {
  if (!(error instanceof ApiError) || error.status !== 422) return undefined;
  const parsed = scenarioInfeasibleSchema.safeParse(error.body);
  return parsed.success ? parsed.data : undefined;
}
