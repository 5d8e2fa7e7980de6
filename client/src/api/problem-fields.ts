import { ApiError } from './client';

/**
 * The one mapping from a problem+json answer to a form: each of the server's `errors[]` goes to
 * the field it is about, and what no field shows is said above the form — in the server's words,
 * never with a request path (`body.email`) or a status code.
 *
 * The server names a field by where the request carried it: `body.email`, `body.target.value`,
 * `body.items.3.title`, `query.fiscalYear`. A form names its fields as the request does (`email`),
 * and maps any other path to one of them (`target.value` → `percent`).
 */

const REQUEST_PARTS = new Set(['body', 'query', 'querystring', 'params', 'headers']);

/** A problem path without the part of the request it was in: `body.target.value` → `target.value`. */
export function fieldPath(path: string): string {
  const [first, ...rest] = path.split('.');
  return first !== undefined && REQUEST_PARTS.has(first) ? rest.join('.') : path;
}

export interface FieldMap<F extends string> {
  /** The form's fields, named as the request names them (`email` is `body.email`). */
  fields?: readonly F[];
  /**
   * Other paths and the field that shows them (`'target.value': 'percent'`). A path also covers
   * the paths below it: `items.3` takes `items.3.title`, `amounts` takes `amounts.2027`.
   */
  paths?: Readonly<Partial<Record<string, F>>>;
}

export interface FormProblems<F extends string> {
  /** The server's message for each field it named (several joined into one sentence). */
  fields: Partial<Record<F, string>>;
  /** The first field with a problem, in the form's order: where the cursor goes to correct it. */
  first: F | undefined;
  /** Messages no field of the form shows, to say above the form. */
  others: string[];
}

/** The field a problem path belongs to: the path itself, or the nearest path above it, that the form knows. */
function fieldOf<F extends string>(path: string, map: FieldMap<F>): F | undefined {
  const fields = new Set<string>(map.fields ?? []);
  const segments = fieldPath(path).split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    const mapped = map.paths?.[candidate];
    if (mapped !== undefined) return mapped;
    if (fields.has(candidate)) return candidate as F;
  }
  return undefined;
}

const sentence = (message: string) => message.trim().replace(/[.;:]$/, '');

/** Sorts a failure's messages onto the form's fields; anything else (or a non-problem failure) has no field. */
export function formProblems<F extends string>(error: unknown, map: FieldMap<F>): FormProblems<F> {
  const fields: Partial<Record<F, string[]>> = {};
  const others: string[] = [];
  if (error instanceof ApiError) {
    for (const problem of error.errors) {
      const field = fieldOf(problem.path, map);
      if (field === undefined) {
        if (!others.includes(problem.message)) others.push(problem.message);
      } else {
        const messages = (fields[field] ??= []);
        if (!messages.includes(problem.message)) messages.push(problem.message);
      }
    }
  }
  const joined: Partial<Record<F, string>> = {};
  for (const [field, messages] of Object.entries(fields) as [F, string[]][]) {
    joined[field] = messages.length === 1 ? messages[0] : `${messages.map(sentence).join('; ')}.`;
  }
  const order = [...(map.fields ?? []), ...Object.values(map.paths ?? {})] as F[];
  const first = order.find((field) => joined[field] !== undefined) ?? (Object.keys(joined)[0] as F | undefined);
  return { fields: joined, first, others };
}
