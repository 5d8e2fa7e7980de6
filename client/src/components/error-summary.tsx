import type { ReactNode, Ref } from 'react';

export interface ErrorSummaryField {
  /** The id of the field's input, which the link points at. */
  inputId: string;
  message: string;
  focus(): void;
}

/**
 * The GOV.UK-style box above a form: its title, then a link to every field with a problem (the
 * link moves the focus there), or, when no field is at fault, what went wrong as a whole.
 */
export function ErrorSummary({
  summaryRef,
  headingId,
  headingLevel,
  title,
  fields,
  general,
}: {
  summaryRef: Ref<HTMLDivElement>;
  headingId: string;
  headingLevel: 'h2' | 'h3';
  title: string;
  fields: ErrorSummaryField[];
  general: ReactNode;
}) {
  const Heading = headingLevel;
  return (
    <div ref={summaryRef} className="error-summary" tabIndex={-1} aria-labelledby={headingId}>
      <Heading id={headingId} className="error-summary__title">
        {title}
      </Heading>
      {fields.length > 0 ? (
        <ul className="error-summary__list">
          {fields.map((field) => (
            <li key={field.inputId}>
              <a
                href={`#${field.inputId}`}
                onClick={(event) => {
                  event.preventDefault();
                  field.focus();
                }}
              >
                {field.message}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        general
      )}
    </div>
  );
}
