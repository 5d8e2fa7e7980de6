import { useEffect, useId, useState } from 'react';
import { ApiError } from '../../../api/client';
import { useI18n } from '../../../i18n/i18n-context';

/**
 * The server refused to move the cycle on and listed why (422 with one problem per sub-programme
 * not yet accepted): the move may still be made, with a reason.
 */
export function needsOverride(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 422 && error.errors.length > 0;
}

interface TransitionOverrideProps {
  error: ApiError;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/**
 * What stands in the way, as the server listed it, and the reason to go on anyway — sent again as
 * `overrideReason`. Kept apart so it can give way to the shared override dialog.
 */
export function TransitionOverride({ error, pending, onConfirm, onCancel }: TransitionOverrideProps) {
  const { t } = useI18n();
  const headingId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  // It takes the place of the button that was pressed: the reason is what to fill in next.
  useEffect(() => document.getElementById(fieldId)?.focus(), [fieldId]);
  const describedBy = missing ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`;

  return (
    <div className="override" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} className="override__title">
        {error.title}
      </h3>
      {error.detail && <p>{error.detail}</p>}
      <ul className="override__list">
        {error.errors.map((problem) => (
          <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
        ))}
      </ul>
      <div className={missing ? 'field field--error' : 'field'}>
        <label htmlFor={fieldId} className="field__label">
          {t('override.reason')}
        </label>
        <p id={`${fieldId}-hint`} className="field__hint">
          {t('override.hint')}
        </p>
        {missing && (
          <p id={`${fieldId}-error`} className="field__error">
            {t('override.reasonRequired')}
          </p>
        )}
        <textarea
          id={fieldId}
          className="field__input"
          rows={3}
          maxLength={2000}
          value={reason}
          data-autofocus
          aria-invalid={missing || undefined}
          aria-describedby={describedBy}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      <div className="form-actions">
        <button
          type="button"
          className="button button--warn"
          aria-disabled={pending || undefined}
          onClick={() => {
            if (pending) return;
            if (reason.trim() === '') {
              setMissing(true);
              document.getElementById(fieldId)?.focus();
              return;
            }
            setMissing(false);
            onConfirm(reason.trim());
          }}
        >
          {pending ? t('common.saving') : t('override.confirm')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
