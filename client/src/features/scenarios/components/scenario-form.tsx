import type { Cycle } from '@ikt/shared/cycle.schema';
import type { ScenarioTargetKind } from '@ikt/shared/domain';
import type { CreateScenarioInput, Scenario } from '@ikt/shared/scenario.schema';
import { useId, useState, type FormEvent } from 'react';
import { ErrorState } from '../../../components/error-state';
import { MoneyField } from '../../../components/money-field';
import { useI18n } from '../../../i18n/i18n-context';
import { parseMoneyInput, type MoneyInputProblem } from '../../../utils/money-input';
import { parsePercentInput } from '../../../utils/percent-input';
import { useCreateScenario } from '../api/create-scenario';

/**
 * "Cut year Y by X": one target, computed by both methods at once so they can be compared side
 * by side — by priority (whole items, least important first) and uniformly (the mechanical cut).
 */
export function ScenarioForm({ cycle, onCreated }: { cycle: Cycle; onCreated: (pair: [Scenario, Scenario]) => void }) {
  const { t } = useI18n();
  const create = useCreateScenario();
  const ids = { name: useId(), year: useId(), percent: useId() };
  const [kind, setKind] = useState<ScenarioTargetKind>('percent');
  const [amountProblem, setAmountProblem] = useState<MoneyInputProblem | undefined>();
  const [percentInvalid, setPercentInvalid] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
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
      {create.isError && <ErrorState error={create.error} />}
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.name} className="field__label">
            {t('scenarios.name')}
          </label>
          <input id={ids.name} name="name" className="field__input" maxLength={180} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={ids.year} className="field__label">
            {t('scenarios.fiscalYear')}
          </label>
          <select id={ids.year} name="fiscalYear" className="field__input">
            {cycle.fiscalYears.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </div>
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
        <MoneyField name="amount" label={t('scenarios.targetAmount')} required problem={amountProblem} />
      ) : (
        <div className={percentInvalid ? 'field field--error' : 'field'}>
          <label htmlFor={ids.percent} className="field__label">
            {t('scenarios.targetPercent')}
          </label>
          {percentInvalid && (
            <p id={`${ids.percent}-error`} className="field__error">
              {t('scenarios.percentInvalid')}
            </p>
          )}
          <input
            id={ids.percent}
            name="percent"
            className="field__input field__input--short"
            inputMode="decimal"
            autoComplete="off"
            aria-invalid={percentInvalid || undefined}
            aria-describedby={percentInvalid ? `${ids.percent}-error` : undefined}
          />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('scenarios.computing') : t('scenarios.compute')}
        </button>
      </div>
    </form>
  );
}
