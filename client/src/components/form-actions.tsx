import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { Dialog } from './dialog';
import { ErrorState } from './error-state';

interface FormActionsProps {
  /** While the request is under way the button says so ("Saglabā…" unless `pendingLabel`). */
  pending: boolean;
  /** The submit button's words; "Saglabāt" unless the form does something else. */
  label?: string;
  pendingLabel?: string;
  className?: string;
  /** Marked (not made) disabled, so the button stays focusable and says why nothing happens. */
  disabled?: boolean;
  /** Shows a Cancel button beside the submit button. */
  onCancel?: () => void;
  children?: ReactNode;
}

/** The row under a form: its submit button, Cancel when the form is a dialog, and a status. */
export function FormActions({
  pending,
  label,
  pendingLabel,
  className = 'button',
  disabled,
  onCancel,
  children,
}: FormActionsProps) {
  const t = useT();
  return (
    <div className="form-actions">
      <button type="submit" className={className} aria-disabled={disabled || undefined}>
        {pending ? (pendingLabel ?? t('common.saving')) : (label ?? t('common.save'))}
      </button>
      {onCancel && <CancelButton onClick={onCancel} />}
      {children}
    </div>
  );
}

function CancelButton({ onClick }: { onClick: () => void }) {
  const t = useT();
  return (
    <button type="button" className="button button--quiet" onClick={onClick}>
      {t('common.cancel')}
    </button>
  );
}

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  wide?: boolean;
  /** What is about to happen, in words. */
  children: ReactNode;
  /** The request's failure, shown above the buttons (null or false: none). */
  error: Error | null | false;
  confirmLabel: string;
  /** The confirming button's classes: its colour says how grave the step is. */
  confirmClassName: string;
  pending: boolean;
  pendingLabel?: string;
  onConfirm: () => void;
}

/** Asks before a step that cannot simply be undone: what happens, then confirm or cancel. */
export function ConfirmDialog({
  open,
  title,
  onClose,
  wide,
  children,
  error,
  confirmLabel,
  confirmClassName,
  pending,
  pendingLabel,
  onConfirm,
}: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog open={open} title={title} onClose={onClose} wide={wide}>
      {children}
      {error && <ErrorState error={error} />}
      <div className="form-actions">
        <BusyButton className={confirmClassName} busy={pending} onClick={onConfirm}>
          {pending ? (pendingLabel ?? t('common.saving')) : confirmLabel}
        </BusyButton>
        <CancelButton onClick={onClose} />
      </div>
    </Dialog>
  );
}

interface BusyButtonProps {
  /** While its work is under way: marked (not made) disabled, so it keeps focus, and presses do nothing. */
  busy: boolean;
  onClick: () => void;
  className?: string;
  children: ReactNode;
}

/** A button whose press starts work that must not start twice. */
export function BusyButton({ busy, onClick, className = 'button', children }: BusyButtonProps) {
  return (
    <button
      type="button"
      className={className}
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) onClick();
      }}
    >
      {children}
    </button>
  );
}
