import { useEffect, useId, useState } from 'react';
import { useT } from '../i18n/i18n-context';
import { FieldHead, hintIdOf } from './form-field';
import type { MessageKey } from '../i18n/messages/lv';
import { moneyEditText, parseMoneyInput, type MoneyInputProblem } from '../utils/money-input';

export const MONEY_PROBLEM_MESSAGES: Record<MoneyInputProblem, MessageKey> = {
  empty: 'money.problem.empty',
  invalid: 'money.problem.invalid',
  negative: 'money.problem.negative',
  tooManyDecimals: 'money.problem.tooManyDecimals',
  ambiguous: 'money.problem.ambiguous',
  tooLarge: 'money.problem.tooLarge',
};

interface MoneyFieldProps {
  label: string;
  /** The form field name: the form reads the typed text and parses it with parseMoneyInput. */
  name: string;
  /** A canonical decimal string to start from, or '' for none. */
  defaultValue?: string;
  required?: boolean;
  /** A problem the form found on submit (shown until the field is corrected). */
  problem?: MoneyInputProblem | undefined;
  /** What the server said of the value (shown until the field is changed). */
  message?: string | undefined;
  hint?: string;
  /** The input's id, when the form needs to put the cursor there. */
  id?: string;
}

/**
 * An amount typed either way (`1234.56` or `1 234,56`). Leaving the field reads it: a good
 * amount is shown back plainly, a wrong one says what is wrong and keeps what was typed.
 */
export function MoneyField({
  label,
  name,
  defaultValue = '',
  required,
  problem: formProblem,
  message,
  hint,
  id,
}: MoneyFieldProps) {
  const t = useT();
  const ownId = useId();
  const inputId = id ?? ownId;
  const [text, setText] = useState(() => (defaultValue === '' ? '' : moneyEditText(defaultValue)));
  const [ownProblem, setOwnProblem] = useState<MoneyInputProblem | undefined>();
  const [edited, setEdited] = useState(false);
  const problem = ownProblem ?? (edited ? undefined : formProblem);
  // The server's words hold for the value it was sent: typing again sets them aside.
  const [changedSinceMessage, setChangedSinceMessage] = useState(false);
  useEffect(() => setChangedSinceMessage(false), [message]);
  const serverMessage = problem || changedSinceMessage ? undefined : message;
  const errorId = `${inputId}-error`;
  const hintId = hintIdOf(inputId);

  function read(current: string) {
    const result = parseMoneyInput(current);
    if (result.ok) {
      setOwnProblem(undefined);
      setText(moneyEditText(result.value));
    } else if (result.problem === 'empty' && !required) {
      setOwnProblem(undefined);
    } else {
      setOwnProblem(result.problem);
    }
  }

  const describedBy = [hint ? hintId : undefined, problem || serverMessage ? errorId : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={problem || serverMessage ? 'field field--error' : 'field'}>
      <FieldHead id={inputId} label={label} hint={hint} />
      {(problem || serverMessage) && (
        <p id={errorId} className="field__error">
          {problem ? t(MONEY_PROBLEM_MESSAGES[problem]) : serverMessage}
        </p>
      )}
      <input
        id={inputId}
        name={name}
        className="field__input field__input--money"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        aria-required={required || undefined}
        aria-invalid={problem || serverMessage ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setText(event.target.value);
          setEdited(true);
          setChangedSinceMessage(true);
        }}
        onBlur={(event) => {
          const value = event.target.value;
          const next = event.relatedTarget;
          // A problem shown at once pushes down what is below the field: a button being clicked
          // would move from under the pointer and the click be lost. When the focus goes to a
          // button, the field is read once that button is done with — clicked or left.
          if (next instanceof HTMLButtonElement) {
            const readNow = () => {
              next.removeEventListener('click', readNow);
              next.removeEventListener('blur', readNow);
              read(value);
            };
            next.addEventListener('click', readNow);
            next.addEventListener('blur', readNow);
          } else {
            read(value);
          }
        }}
      />
    </div>
  );
}
