import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Wider for previews and tables. */
  wide?: boolean;
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it, Esc closes it and
 * the page behind is inert. Focus starts on the element marked `data-autofocus` (else the first
 * control) and returns to whatever opened the dialog.
 */
export function Dialog({ open, title, onClose, children, wide }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      // A field marked data-autofocus takes the focus, rather than the first control (Close).
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  useEffect(() => {
    if (open) return;
    const previous = opener.current;
    if (previous instanceof HTMLElement && previous.isConnected) previous.focus();
    opener.current = null;
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      <div className="dialog__body">{open && children}</div>
    </dialog>
  );
}
