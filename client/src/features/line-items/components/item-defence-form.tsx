import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { PRIORITY_LABELS } from '@ikt/shared/labels';
import { submitRuleProblems, type SubmitRuleProblem } from '@ikt/shared/submit-rules';
import { useEffect, useState, type FormEvent } from 'react';
import { Money } from '../../../components/money';
import { MoneyField } from '../../../components/money-field';
import { parseMoneyInput } from '../../../utils/money-input';
import { useUser } from '../../../hooks/use-user';
import { leavesPageOrParam, useUnsavedChanges } from '../../../hooks/use-unsaved-changes';
import { readDraft, removeDraft, writeDraft } from '../../../utils/draft-store';
import { useActionDirections } from '../../../api/reference/get-action-directions';
import { useGoals } from '../../../api/reference/get-goals';
import { useIctServices } from '../../../api/reference/get-ict-services';
import { useInformationSystems } from '../../../api/reference/get-information-systems';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { applyChanges, changedFields } from '../utils/item-changes';
import {
  itemNumberEdits,
  itemNumberTexts,
  quantityEditText,
  type ItemNumberTexts,
  type QuantityInputProblem,
} from '../utils/item-numbers';

/** The fields of the defence and classification form, in the order they are shown. */
export const DEFENCE_TEXT_FIELDS = ['businessNeed', 'legalBasis', 'impactIfCut', 'calculationBasis'] as const;
type TextField = (typeof DEFENCE_TEXT_FIELDS)[number] | 'description';

interface FormValues {
  businessNeed: string;
  legalBasis: string;
  impactIfCut: string;
  calculationBasis: string;
  description: string;
  goalCodes: string[];
  ictServiceCode: string | null;
  informationSystemCode: string | null;
  actionDirectionCode: string | null;
  rank: number;
}

function valuesOf(item: LineItem): FormValues {
  return {
    businessNeed: item.businessNeed,
    legalBasis: item.legalBasis,
    impactIfCut: item.impactIfCut,
    calculationBasis: item.calculationBasis,
    description: item.description,
    goalCodes: item.goalCodes,
    ictServiceCode: item.ictServiceCode,
    informationSystemCode: item.informationSystemCode,
    actionDirectionCode: item.actionDirectionCode,
    rank: item.rank,
  };
}

export const FIELD_LABELS: Record<
  | TextField
  | 'goalCodes'
  | 'ictServiceCode'
  | 'informationSystemCode'
  | 'actionDirectionCode'
  | 'rank'
  | keyof ItemNumberTexts,
  MessageKey
> = {
  businessNeed: 'item.field.businessNeed',
  legalBasis: 'item.field.legalBasis',
  impactIfCut: 'item.field.impactIfCut',
  calculationBasis: 'item.field.calculationBasis',
  description: 'item.field.description',
  goalCodes: 'item.field.goalCodes',
  ictServiceCode: 'item.field.ictServiceCode',
  informationSystemCode: 'item.field.informationSystemCode',
  actionDirectionCode: 'item.field.actionDirectionCode',
  rank: 'item.field.rank',
  quantity: 'item.field.quantity',
  unit: 'item.field.unit',
  unitPrice: 'item.field.unitPrice',
};

const QUANTITY_PROBLEM_MESSAGES: Record<QuantityInputProblem, MessageKey> = {
  invalid: 'item.quantity.problem.invalid',
  negative: 'item.quantity.problem.negative',
  tooManyDecimals: 'item.quantity.problem.tooManyDecimals',
  tooLarge: 'item.quantity.problem.tooLarge',
};

const HINTS: Partial<Record<TextField, MessageKey>> = {
  businessNeed: 'item.hint.businessNeed',
  legalBasis: 'item.hint.legalBasis',
  impactIfCut: 'item.hint.impactIfCut',
  calculationBasis: 'item.hint.calculationBasis',
};

/** What of the form was changed and not saved, kept across a sign-in (see unsaved-work/utils/draft-store). */
interface DefenceDraft {
  values: Partial<FormValues>;
  numbers: Partial<ItemNumberTexts>;
}

const isDefenceDraft = (value: unknown): value is DefenceDraft =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DefenceDraft).values === 'object' &&
  typeof (value as DefenceDraft).numbers === 'object';

const draftKey = (itemId: number) => `item:${itemId}:defence`;

/** The entries of `values` that differ from `base` (arrays compared by their contents). */
function differing<T extends object>(values: T, base: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(base[key as keyof T])),
  ) as Partial<T>;
}

/** A kept unit price, as the money field starts from it (a canonical amount), or none if it cannot be read. */
function keptUnitPrice(numbers: Partial<ItemNumberTexts>): Partial<ItemNumberTexts> {
  if (numbers.unitPrice === undefined) return numbers;
  const parsed = parseMoneyInput(numbers.unitPrice);
  const { unitPrice: _dropped, ...rest } = numbers;
  if (parsed.ok) return { ...rest, unitPrice: parsed.value };
  return parsed.problem === 'empty' ? { ...rest, unitPrice: '' } : rest;
}

/** The side panel is open while the address names its item (`?item=`): leaving either drops the form. */
const leavesPanel = leavesPageOrParam('item');

/** The id a field has, so a link in the list of submit problems can put the cursor there. */
export const itemFieldId = (field: string) => `item-field-${field}`;

interface ItemDefenceFormProps {
  item: LineItem;
  editable: boolean;
  onSave: (changes: UpdateLineItemInput) => Promise<boolean>;
}

/**
 * The item's defence — why it is needed, on what legal basis, what happens if it is cut, how the
 * amount was worked out — and what it serves (goals, service, system). Only the fields the user
 * changed are sent, so edits made meanwhile in the grid are kept. What the submit rules still
 * miss is shown beside the field, in the same words the server would use.
 */
export function ItemDefenceForm({ item, editable, onSave }: ItemDefenceFormProps) {
  const { t, language, localize } = useI18n();
  const user = useUser();
  const goals = useGoals();
  const services = useIctServices();
  const systems = useInformationSystems();
  const directions = useActionDirections();
  // Changes not saved when the page was last left (a session that ended): they come back here.
  const [kept] = useState(() => (editable ? readDraft(user.id, draftKey(item.id), isDefenceDraft) : undefined));
  const [base, setBase] = useState(item);
  const [values, setValues] = useState(() => ({ ...valuesOf(item), ...kept?.values }));
  // Quantity, unit and unit price as typed; they become decimal strings only when read.
  const [numbers, setNumbers] = useState(() => ({ ...itemNumberTexts(item), ...keptUnitPrice(kept?.numbers ?? {}) }));
  // The unit price field keeps its own text: a new key starts it again from the item.
  const [resets, setResets] = useState(0);
  const [quantityLeft, setQuantityLeft] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const numberEdits = itemNumberEdits(base, numbers);
  const unreadable = Object.keys(numberEdits.problems).length > 0;
  const touched = { ...changedFields(base, values), ...numberEdits.changes };
  const dirty = Object.keys(touched).length > 0 || unreadable;

  // While something is unsaved, leaving asks first, and a draft outlives the page (a sign-in).
  useUnsavedChanges(editable && dirty, {
    leaves: leavesPanel,
    onDiscard: () => removeDraft(user.id, draftKey(item.id)),
  });
  useEffect(() => {
    if (!editable) return;
    if (dirty) {
      writeDraft(user.id, draftKey(item.id), {
        values: differing(values, valuesOf(base)),
        numbers: differing(numbers, itemNumberTexts(base)),
      } satisfies DefenceDraft);
    } else {
      removeDraft(user.id, draftKey(item.id));
    }
  }, [editable, dirty, values, numbers, base, user.id, item.id]);

  const startFrom = (next: LineItem) => {
    setBase(next);
    setValues(valuesOf(next));
    setNumbers(itemNumberTexts(next));
    setQuantityLeft(false);
    setSubmitted(false);
  };

  // Changes saved elsewhere (the grid, another tab) show here unless the user is typing.
  useEffect(() => {
    if (item.version === base.version || dirty) return;
    startFrom(item);
  }, [item, base.version, dirty]);

  const problems = submitRuleProblems(applyChanges(item, touched));
  const problemFor = (field: SubmitRuleProblem['field']) => problems.find((problem) => problem.field === field);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty || saving) return;
    if (unreadable) {
      setSubmitted(true);
      const input = numberEdits.problems.quantity
        ? document.getElementById(itemFieldId('quantity'))
        : event.currentTarget.elements.namedItem('unitPrice');
      if (input instanceof HTMLElement) input.focus();
      return;
    }
    setSaving(true);
    setSaved(false);
    const ok = await onSave(touched);
    setSaving(false);
    if (ok) setSaved(true);
  }

  // After a save the answer arrives as a new version of the item: start again from it.
  useEffect(() => {
    if (!saved) return;
    startFrom(item);
  }, [saved, item]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => {
    setSaved(false);
    setValues((current) => ({ ...current, [key]: value }));
  };
  const setNumber = (key: keyof ItemNumberTexts, text: string) => {
    setSaved(false);
    setNumbers((current) => ({ ...current, [key]: text }));
  };

  if (!editable) return <ItemDefenceView item={item} />;

  const quantityProblem = quantityLeft || submitted ? numberEdits.problems.quantity : undefined;

  const textArea = (field: TextField) => {
    const problem = field === 'description' ? undefined : problemFor(field as SubmitRuleProblem['field']);
    const hint = HINTS[field];
    const id = itemFieldId(field);
    const describedBy = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ');
    return (
      <div key={field} className={problem ? 'field field--warn' : 'field'}>
        <label htmlFor={id} className="field__label">
          {t(FIELD_LABELS[field])}
          {field === 'legalBasis' && item.priority === 'mandatory' && (
            <span className="field__required"> ({PRIORITY_LABELS.mandatory[language].toLowerCase()})</span>
          )}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="field__hint">
            {t(hint)}
          </p>
        )}
        {problem && (
          <p id={`${id}-problem`} className="field__warn">
            {problem.message[language]}
          </p>
        )}
        <textarea
          id={id}
          className="field__input"
          rows={field === 'description' ? 2 : 3}
          value={values[field]}
          aria-describedby={describedBy || undefined}
          onChange={(event) => set(field, event.target.value)}
        />
      </div>
    );
  };

  const goalProblem = problemFor('goalCodes');
  const codeSelect = (
    field: 'ictServiceCode' | 'informationSystemCode' | 'actionDirectionCode',
    options: { code: string; name: string }[],
  ) => {
    const id = itemFieldId(field);
    const current = values[field];
    const known = current === null || options.some((option) => option.code === current);
    return (
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t(FIELD_LABELS[field])}
        </label>
        <select
          id={id}
          className="field__input"
          value={current ?? ''}
          onChange={(event) => set(field, event.target.value === '' ? null : event.target.value)}
        >
          <option value="">{t('common.none')}</option>
          {!known && current && <option value={current}>{current}</option>}
          {options.map((option) => (
            <option key={option.code} value={option.code}>
              {option.code} — {option.name}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <form
      className="item-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      // The unit price field keeps its own text; its changes reach the form as they bubble up.
      onChange={(event) => {
        const target: EventTarget = event.target;
        if (target instanceof HTMLInputElement && target.name === 'unitPrice') setNumber('unitPrice', target.value);
      }}
    >
      {kept && dirty && (
        <p className="notice" role="status">
          {t('item.restored')}
        </p>
      )}
      {DEFENCE_TEXT_FIELDS.map(textArea)}
      <div className="field-row">
        <div className={quantityProblem ? 'field field--error' : 'field'}>
          <label htmlFor={itemFieldId('quantity')} className="field__label">
            {t(FIELD_LABELS.quantity)}
          </label>
          <p id={`${itemFieldId('quantity')}-hint`} className="field__hint">
            {t('item.hint.quantity')}
          </p>
          {quantityProblem && (
            <p id={`${itemFieldId('quantity')}-error`} className="field__error">
              {t(QUANTITY_PROBLEM_MESSAGES[quantityProblem])}
            </p>
          )}
          <input
            id={itemFieldId('quantity')}
            className="field__input field__input--short"
            inputMode="decimal"
            autoComplete="off"
            value={numbers.quantity}
            aria-invalid={quantityProblem ? true : undefined}
            aria-describedby={[
              `${itemFieldId('quantity')}-hint`,
              quantityProblem ? `${itemFieldId('quantity')}-error` : '',
            ]
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => setNumber('quantity', event.target.value)}
            onBlur={() => setQuantityLeft(true)}
          />
        </div>
        <div className="field">
          <label htmlFor={itemFieldId('unit')} className="field__label">
            {t(FIELD_LABELS.unit)}
          </label>
          <input
            id={itemFieldId('unit')}
            className="field__input field__input--short"
            maxLength={40}
            autoComplete="off"
            value={numbers.unit}
            onChange={(event) => setNumber('unit', event.target.value)}
          />
        </div>
        <MoneyField
          key={`${base.version}:${resets}`}
          name="unitPrice"
          label={t(FIELD_LABELS.unitPrice)}
          hint={t('item.hint.unitPrice')}
          defaultValue={
            resets === 0 && kept?.numbers.unitPrice !== undefined ? numbers.unitPrice : (base.unitPrice ?? '')
          }
          problem={submitted ? numberEdits.problems.unitPrice : undefined}
        />
      </div>
      <fieldset
        id={itemFieldId('goalCodes')}
        className={goalProblem ? 'field field--warn checkbox-group' : 'field checkbox-group'}
        tabIndex={-1}
        aria-describedby={goalProblem ? `${itemFieldId('goalCodes')}-problem` : undefined}
      >
        <legend className="field__label">{t(FIELD_LABELS.goalCodes)}</legend>
        {goalProblem && (
          <p id={`${itemFieldId('goalCodes')}-problem`} className="field__warn">
            {goalProblem.message[language]}
          </p>
        )}
        {(goals.data ?? []).map((goal) => {
          const checked = values.goalCodes.includes(goal.code);
          return (
            <label key={goal.code} className="checkbox">
              <input
                type="checkbox"
                checked={checked}
                onChange={() =>
                  set(
                    'goalCodes',
                    checked
                      ? values.goalCodes.filter((code) => code !== goal.code)
                      : [...values.goalCodes, goal.code].sort(),
                  )
                }
              />{' '}
              <span className="code">{goal.code}</span> {localize(goal.nameLv, goal.nameEn)}
            </label>
          );
        })}
      </fieldset>
      {codeSelect(
        'ictServiceCode',
        (services.data ?? [])
          .filter((service) => service.active)
          .map((service) => ({ code: service.code, name: localize(service.nameLv, service.nameEn) })),
      )}
      {codeSelect(
        'informationSystemCode',
        (systems.data ?? [])
          .filter((system) => system.active)
          .map((system) => ({ code: system.code, name: system.name })),
      )}
      {codeSelect(
        'actionDirectionCode',
        (directions.data ?? []).map((direction) => ({
          code: direction.code,
          name: localize(direction.nameLv, direction.nameEn),
        })),
      )}
      {textArea('description')}
      <div className="field">
        <label htmlFor={itemFieldId('rank')} className="field__label">
          {t(FIELD_LABELS.rank)}
        </label>
        <p id={`${itemFieldId('rank')}-hint`} className="field__hint">
          {t('item.hint.rank')}
        </p>
        <input
          id={itemFieldId('rank')}
          className="field__input field__input--short"
          type="number"
          min={1}
          max={100000}
          step={1}
          value={values.rank}
          aria-describedby={`${itemFieldId('rank')}-hint`}
          onChange={(event) => {
            const rank = Number.parseInt(event.target.value, 10);
            if (Number.isInteger(rank) && rank >= 1) set('rank', rank);
          }}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" aria-disabled={!dirty || saving || undefined}>
          {saving ? t('common.saving') : t('item.saveDefence')}
        </button>
        {dirty && !saving && (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              startFrom(base);
              setResets((count) => count + 1);
              setSaved(false);
            }}
          >
            {t('item.discardChanges')}
          </button>
        )}
        <span role="status" className="form-actions__status">
          {saved && !dirty ? t('item.saved') : dirty ? t('item.unsaved') : ''}
        </span>
      </div>
    </form>
  );
}

/** The defence as text, for those who read but may not change it. */
function ItemDefenceView({ item }: { item: LineItem }) {
  const { t } = useI18n();
  const text = (value: string | null) => (value && value.trim() !== '' ? value : t('item.notGiven'));
  return (
    <dl className="item-view">
      {[...DEFENCE_TEXT_FIELDS, 'description' as const].map((field) => (
        <div key={field}>
          <dt>{t(FIELD_LABELS[field])}</dt>
          <dd>{text(item[field])}</dd>
        </div>
      ))}
      <div>
        <dt>{t(FIELD_LABELS.quantity)}</dt>
        <dd className="num">
          {item.quantity === null ? t('item.notGiven') : `${quantityEditText(item.quantity)} ${item.unit ?? ''}`.trim()}
        </dd>
      </div>
      <div>
        <dt>{t(FIELD_LABELS.unitPrice)}</dt>
        <dd className="num">{item.unitPrice === null ? t('item.notGiven') : <Money value={item.unitPrice} />}</dd>
      </div>
      <div>
        <dt>{t(FIELD_LABELS.goalCodes)}</dt>
        <dd>{item.goalCodes.length > 0 ? item.goalCodes.join(', ') : t('item.notGiven')}</dd>
      </div>
      <div>
        <dt>{t(FIELD_LABELS.ictServiceCode)}</dt>
        <dd>{text(item.ictServiceCode)}</dd>
      </div>
      <div>
        <dt>{t(FIELD_LABELS.informationSystemCode)}</dt>
        <dd>{text(item.informationSystemCode)}</dd>
      </div>
      <div>
        <dt>{t(FIELD_LABELS.actionDirectionCode)}</dt>
        <dd>{text(item.actionDirectionCode)}</dd>
      </div>
      <div>
        <dt>{t(FIELD_LABELS.rank)}</dt>
        <dd className="num">{item.rank}</dd>
      </div>
    </dl>
  );
}
