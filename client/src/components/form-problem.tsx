import { problemType } from '@ikt/shared/problem.schema';
import { useEffect, useMemo } from 'react';
import { ApiError } from '../api/client';
import { formProblems, type FieldMap, type FormProblems } from '../api/problem-fields';
import { useT } from '../i18n/i18n-context';

type Translate = ReturnType<typeof useT>;

/**
 * The server's refusal of a form, sorted onto its fields (see api/problem-fields.ts). When a new
 * refusal arrives the cursor goes to the first field to correct, as it would for a check of our own.
 * `ids` gives each field's input id (the inputs must exist for the focus to land).
 */
export function useFormProblems<F extends string>(
  error: unknown,
  map: FieldMap<F>,
  ids?: Partial<Record<F, string>>,
): FormProblems<F> {
  // The map is written inline by the forms; the problems change with the error only.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above: a new map each render is no new refusal
  const problems = useMemo(() => formProblems(error, map), [error]);
  useEffect(() => {
    const id = problems.first === undefined ? undefined : ids?.[problems.first];
    if (id) document.getElementById(id)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new refusal moves the cursor, not new ids
  }, [problems]);
  return problems;
}

/** What to say above the form about a failure, in plain words: no status code, no request path. */
export function problemSummary(error: Error, problems: FormProblems<string>, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  switch (error.kind) {
    case 'network':
      return t('error.network');
    case 'invalid-response':
      return t('error.invalidResponse');
    case 'http':
      return t('form.serverError');
    case 'problem': {
      const placed = Object.keys(problems.fields).length > 0;
      if (placed && problems.others.length === 0 && (error.status === 400 || error.status === 422)) {
        return t('form.checkFields');
      }
      // The request's own shape was refused: the server's generic sentence speaks of "request data".
      if (error.type === problemType('validation')) return t('form.invalid');
      return error.detail ?? error.title;
    }
  }
}

interface FormProblemProps {
  error: Error | null | undefined;
  problems: FormProblems<string>;
  /** The heading; "Neizdevās saglabāt" unless the form does something else. */
  title?: string;
  /** Said instead of the summary (the form knows the failure better, e.g. the largest possible cut). */
  message?: string | undefined;
}

/** A form's failure above it: a heading, one sentence, and whatever no field shows. */
export function FormProblem({ error, problems, title, message }: FormProblemProps) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title ?? t('form.notSaved')}</p>
      <p>{message ?? problemSummary(error, problems, t)}</p>
      {problems.others.length > 0 && (
        <ul>
          {problems.others.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The id of the message under a field (see FieldProblem). */
export const problemId = (inputId: string) => `${inputId}-problem`;

/** A field's problem, shown under its label; `problemProps` ties the input to it. */
export function FieldProblem({ inputId, message }: { inputId: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={problemId(inputId)} className="field__error">
      {message}
    </p>
  );
}

/** The ids a field is described by (its hint, its problem), those that are shown. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  const shown = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return shown.length > 0 ? shown.join(' ') : undefined;
}

/** What ties an input to its problem: invalid while there is one, described by it (and by its hint). */
export function problemProps(inputId: string, message: string | undefined, ...hintIds: (string | undefined)[]) {
  return {
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy(...hintIds, message && problemId(inputId)),
  } as const;
}

/** A field's class: marked while the server (or the form) has something to say about it. */
export const fieldClass = (message: string | undefined, base = 'field') => (message ? `${base} field--error` : base);
