import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../components/error-state';
import { ErrorSummary } from '../../../components/error-summary';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { useDocumentTitle } from '../../../i18n/use-document-title';
import { useLogin } from '../api/login';
import { useRetryText } from '../hooks/use-retry-text';
import {
  LOGIN_FIELDS,
  validateLoginForm,
  type LoginField,
  type LoginFieldProblem,
  type LoginFormErrors,
} from '../utils/login-form';
import { isSessionEndedState, safeNextPath } from '../../../utils/login-redirect';

const FIELD_IDS: Record<LoginField, string> = { email: 'login-email', password: 'login-password' };

const FIELD_LABELS: Record<LoginField, MessageKey> = { email: 'login.email', password: 'login.password' };

const PROBLEM_MESSAGES: Record<LoginField, Partial<Record<LoginFieldProblem, MessageKey>>> = {
  email: { required: 'login.error.emailRequired', invalid: 'login.error.emailInvalid' },
  password: { required: 'login.error.passwordRequired', tooLong: 'login.error.passwordTooLong' },
};

function problemMessageKey(field: LoginField, problem: LoginFieldProblem): MessageKey {
  return PROBLEM_MESSAGES[field][problem] ?? 'error.unexpected';
}

const errorId = (field: LoginField) => `${FIELD_IDS[field]}-error`;

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t('login.title'));
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const login = useLogin();
  const next = safeNextPath(searchParams.get('next'));
  const sessionEnded = isSessionEndedState(location.state);

  const [fieldErrors, setFieldErrors] = useState<LoginFormErrors>({});
  // Counts failed attempts; each one moves focus to the error summary, even when the words repeat.
  const [failedAttempts, setFailedAttempts] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const inputRefs: Record<LoginField, RefObject<HTMLInputElement | null>> = {
    email: useRef<HTMLInputElement>(null),
    password: useRef<HTMLInputElement>(null),
  };
  const summaryHeadingId = useId();

  useEffect(() => {
    if (failedAttempts > 0) summaryRef.current?.focus();
  }, [failedAttempts]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (login.isPending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const result = validateLoginForm({ email: text('email'), password: text('password') });
    if (!result.ok) {
      login.reset();
      setFieldErrors(result.errors);
      setFailedAttempts((count) => count + 1);
      return;
    }
    setFieldErrors({});
    login.mutate(result.input, {
      onSuccess: () => void navigate(next, { replace: true }),
      onError: () => setFailedAttempts((count) => count + 1),
    });
  }

  const invalidFields = LOGIN_FIELDS.filter((field) => fieldErrors[field] !== undefined);
  const serverError = login.error;

  return (
    <div className="login">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>

      {sessionEnded && failedAttempts === 0 && (
        <p className="notice" role="status">
          {t('login.sessionEnded')}
        </p>
      )}

      {(invalidFields.length > 0 || serverError) && (
        <ErrorSummary
          summaryRef={summaryRef}
          headingId={summaryHeadingId}
          headingLevel="h2"
          title={invalidFields.length > 0 ? t('login.checkFields') : t('login.failed')}
          fields={invalidFields.map((field) => ({
            inputId: FIELD_IDS[field],
            message: t(problemMessageKey(field, fieldErrors[field]!)),
            focus: () => inputRefs[field].current?.focus(),
          }))}
          general={serverError && <ServerFailure error={serverError} submittedAt={login.submittedAt} />}
        />
      )}

      <form className="login__form" noValidate onSubmit={onSubmit}>
        {LOGIN_FIELDS.map((field) => {
          const problem = fieldErrors[field];
          return (
            <div key={field} className={problem ? 'field field--error' : 'field'}>
              <label htmlFor={FIELD_IDS[field]} className="field__label">
                {t(FIELD_LABELS[field])}
              </label>
              {problem && (
                <p id={errorId(field)} className="field__error">
                  <span className="visually-hidden">{t('login.errorPrefix')} </span>
                  {t(problemMessageKey(field, problem))}
                </p>
              )}
              <input
                ref={inputRefs[field]}
                id={FIELD_IDS[field]}
                name={field}
                className="field__input"
                required
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? errorId(field) : undefined}
                {...(field === 'email'
                  ? { type: 'email', autoComplete: 'username', autoCapitalize: 'none', spellCheck: false }
                  : { type: 'password', autoComplete: 'current-password' })}
              />
            </div>
          );
        })}
        <button type="submit" className="button login__submit">
          {login.isPending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}

/** The server's own words for why sign-in failed, and for a rate limit, when to try again. */
function ServerFailure({ error, submittedAt }: { error: Error; submittedAt: number }) {
  const { t } = useI18n();
  const { heading, message } = describeError(error, t);
  const apiError = error instanceof ApiError ? error : undefined;
  const retryText = useRetryText(error, submittedAt);

  return (
    <>
      <p>{message ?? heading}</p>
      {apiError && apiError.errors.length > 0 && (
        <ul className="error-summary__list">
          {apiError.errors.map((fieldError) => (
            <li key={`${fieldError.path}:${fieldError.message}`}>{fieldError.message}</li>
          ))}
        </ul>
      )}
      {retryText && <p>{retryText}</p>}
    </>
  );
}
