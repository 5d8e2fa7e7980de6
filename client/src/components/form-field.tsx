import type { ReactNode } from 'react';
import { FieldProblem, fieldClass, problemProps } from './form-problem';

/** What ties a form control to its field: its id, and the ARIA that names its hint and problem. */
export type FieldControlProps = { id: string } & ReturnType<typeof problemProps>;

interface FormFieldProps {
  /** The control's id (the label points at it; a form may move the cursor there). */
  id: string;
  label: ReactNode;
  /** What is wrong with the value (the form's own check or the server's), shown under the label. */
  message?: string | undefined;
  hint?: ReactNode;
  /** The control itself, given the props that tie it to the label, the hint and the problem. */
  children: (control: FieldControlProps) => ReactNode;
}

/** A labelled form field: label, hint, problem and control, in the order a screen reader reads them. */
export function FormField({ id, label, message, hint, children }: FormFieldProps) {
  const hintId = hint ? hintIdOf(id) : undefined;
  return (
    <div className={fieldClass(message)}>
      <FieldHead id={id} label={label} hint={hint} />
      <FieldProblem inputId={id} message={message} />
      {children({ id, ...problemProps(id, message, hintId) })}
    </div>
  );
}

interface CommentFieldProps {
  id: string;
  label: string;
  hint?: string;
  /** Said when the comment is required and left empty. */
  message: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

/** A comment typed to go with a decision (a return, an override): a textarea in a FormField. */
export function CommentField({ value, onChange, rows = 3, maxLength = 5000, ...field }: CommentFieldProps) {
  return (
    <FormField {...field}>
      {(control) => (
        <textarea
          {...control}
          className="field__input"
          rows={rows}
          maxLength={maxLength}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FormField>
  );
}

/** The id of a control's hint, which the control names as its description. */
export const hintIdOf = (id: string) => `${id}-hint`;

/** A field's label, pointing at the control `id`, and its hint where it has one. */
export function FieldHead({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint && (
        <p id={hintIdOf(id)} className="field__hint">
          {hint}
        </p>
      )}
    </>
  );
}
