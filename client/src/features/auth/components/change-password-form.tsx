import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../components/error-state';
import { ErrorSummary } from '../../../components/error-summary';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { useChangePassword } from '../api/change-password';
import { useRetryText } from '../hooks/use-retry-text';
import {
  MIN_PASSWORD_LENGTH,
  PASSWORD_FIELDS,
  serverFieldErrors,
  validatePasswordForm,
  type PasswordField,
  type PasswordFieldProblem,
  type PasswordFormErrors,
} from '../utils/password-form';

const FIELD_IDS: Record<PasswordField, string> = {
  currentPassword: 'password-current',
  newPassword: 'password-new',
  confirmPassword: 'password-confirm',
};

const FIELD_LABELS: Record<PasswordField, MessageKey> = {
  currentPassword: 'account.password.current',
  newPassword: 'account.password.new',
  confirmPassword: 'account.password.confirm',
};

const PROBLEM_MESSAGES: Record<Exclude<PasswordFieldProblem, 'tooShort'>, MessageKey> = {
  required: 'account.password.error.required',
  tooLong: 'account.password.error.tooLong',
  mismatch: 'account.password.error.mismatch',
  sameAsCurrent: 'account.password.error.sameAsCurrent',
};

const errorId = (field: PasswordField) => `${FIELD_IDS[field]}-error`;
const hintId = `${FIELD_IDS.newPassword}-hint`;

/**
 * The signed-in user's own password change. Problems are shown at their fields (the screen's own
 * checks and the server's, e.g. a wrong current password) and listed in a summary that takes the
 * focus; a rate limit says when to try again.
 */
export function ChangePasswordForm() {
  const { t, tn } = useI18n();
  const change = useChangePassword();
  const [localErrors, setLocalErrors] = useState<PasswordFormErrors>({});
  // Each submit that fails moves the focus to the summary, even when the words repeat.
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const summaryHeadingId = useId();
  const inputRefs: Record<PasswordField, RefObject<HTMLInputElement | null>> = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    confirmPassword: useRef<HTMLInputElement>(null),
  };
  const retryText = useRetryText(change.error, change.submittedAt);

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);
  useEffect(() => {
    if (change.isSuccess) doneRef.current?.focus();
  }, [change.isSuccess]);

  const serverErrors = change.error instanceof ApiError ? serverFieldErrors(change.error.errors) : {};
  const messageFor = (field: PasswordField): string | undefined => {
    const problem = localErrors[field];
    if (problem === 'tooShort') return tn('account.password.error.tooShort', MIN_PASSWORD_LENGTH);
    if (problem) return t(PROBLEM_MESSAGES[problem]);
    return field === 'confirmPassword' ? undefined : serverErrors[field];
  };
  const invalidFields = PASSWORD_FIELDS.filter((field) => messageFor(field) !== undefined);
  // A failure that names no field (a rate limit, the network) is told as a whole.
  const generalFailure = change.error && invalidFields.length === 0 ? change.error : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: PasswordField) => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const result = validatePasswordForm({
      currentPassword: text('currentPassword'),
      newPassword: text('newPassword'),
      confirmPassword: text('confirmPassword'),
    });
    change.reset();
    if (!result.ok) {
      setLocalErrors(result.errors);
      setFailures((count) => count + 1);
      return;
    }
    setLocalErrors({});
    change.mutate(result.input, {
      onSuccess: () => form.reset(),
      onError: () => setFailures((count) => count + 1),
    });
  }

  return (
    <>
      {change.isSuccess && (
        <p ref={doneRef} className="notice" role="status" tabIndex={-1}>
          {t('account.password.changed')}
        </p>
      )}

      {(invalidFields.length > 0 || generalFailure) && (
        <ErrorSummary
          summaryRef={summaryRef}
          headingId={summaryHeadingId}
          headingLevel="h3"
          title={invalidFields.length > 0 ? t('login.checkFields') : t('account.password.failed')}
          fields={invalidFields.map((field) => ({
            inputId: FIELD_IDS[field],
            message: messageFor(field) ?? '',
            focus: () => inputRefs[field].current?.focus(),
          }))}
          general={
            generalFailure && (
              <>
                <p>{describeError(generalFailure, t).message ?? describeError(generalFailure, t).heading}</p>
                {retryText && <p>{retryText}</p>}
              </>
            )
          }
        />
      )}

      <form className="login__form" noValidate onSubmit={onSubmit}>
        {PASSWORD_FIELDS.map((field) => {
          const message = messageFor(field);
          const describedBy = [
            message ? errorId(field) : undefined,
            field === 'newPassword' ? hintId : undefined,
          ].filter(Boolean);
          return (
            <div key={field} className={message ? 'field field--error' : 'field'}>
              <label htmlFor={FIELD_IDS[field]} className="field__label">
                {t(FIELD_LABELS[field])}
              </label>
              {field === 'newPassword' && (
                <p id={hintId} className="field__hint">
                  {tn('account.password.hint', MIN_PASSWORD_LENGTH)}
                </p>
              )}
              {message && (
                <p id={errorId(field)} className="field__error">
                  <span className="visually-hidden">{t('login.errorPrefix')} </span>
                  {message}
                </p>
              )}
              <input
                ref={inputRefs[field]}
                id={FIELD_IDS[field]}
                name={field}
                type="password"
                className="field__input"
                required
                autoComplete={field === 'currentPassword' ? 'current-password' : 'new-password'}
                aria-invalid={message ? true : undefined}
                aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
              />
            </div>
          );
        })}
        <button type="submit" className="button">
          {change.isPending ? t('account.password.submitting') : t('account.password.submit')}
        </button>
      </form>
    </>
  );
}
