import type { z } from 'zod';
import {
  createLineItemBatchInputSchema,
  createLineItemInputSchema,
  updateLineItemInputSchema,
  type CreateLineItemInput,
  type UpdateLineItemInput,
} from '@ikt/shared/line-item.schema';
import { LANGUAGES, localizeIssue, type Language } from '@ikt/shared/messages';
import type { FieldProblem } from '../../errors';

export interface BatchItemReading {
  /** The item as it will be created; undefined while the schema refuses it. */
  input: CreateLineItemInput | undefined;
  /** The fields the schema accepted (all of them when it accepts the item): their references are checked too. */
  checkable: UpdateLineItemInput;
  /** The schema's problems, paths `items.<index>.<field>`. */
  problems: FieldProblem[];
}

export interface BatchReading {
  /** Problems of the body as a whole (not an object, no list, too few or too many items): nothing else is read. */
  envelope: FieldProblem[];
  items: BatchItemReading[];
}

/**
 * A batch body read with the shared batch schema, item by item, so that every problem of every
 * item can be answered at once — and the references of the fields that did pass can be checked.
 */
export function readBatch(body: unknown): BatchReading {
  const parsed = createLineItemBatchInputSchema.safeParse(body);
  if (parsed.success) {
    return { envelope: [], items: parsed.data.items.map((input) => ({ input, checkable: input, problems: [] })) };
  }
  const issues = parsed.error.issues;
  const envelope = issues.filter((issue) => issue.path.length < 2);
  if (envelope.length > 0) return { envelope: envelope.flatMap(problemsOf), items: [] };

  // Every issue is now inside one item (path `items.<index>…`), and `items` is a list.
  const raw = (body as { items: unknown[] }).items;
  return {
    envelope: [],
    items: raw.map((item, index) => {
      const own = issues.filter((issue) => issue.path[1] === index);
      if (own.length > 0)
        return { input: undefined, checkable: acceptedFields(item, own), problems: own.flatMap(problemsOf) };
      // The batch failed on other items only: this one is whole.
      const input = createLineItemInputSchema.parse(item);
      return { input, checkable: input, problems: [] };
    }),
  };
}

/** The fields of an item that no issue names, as far as they make a valid partial item. */
function acceptedFields(item: unknown, issues: z.core.$ZodIssue[]): UpdateLineItemInput {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return {};
  const refused = new Set(
    issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[2])])),
  );
  const fields = Object.fromEntries(Object.entries(item).filter(([field]) => !refused.has(field)));
  const parsed = updateLineItemInputSchema.safeParse(fields);
  return parsed.success ? parsed.data : {};
}

/** One problem per issue, in both languages; an unknown field is named in the path itself. */
function problemsOf(issue: z.core.$ZodIssue): FieldProblem[] {
  const message = Object.fromEntries(
    LANGUAGES.map((language) => [
      language,
      localizeIssue(
        { code: issue.code, message: issue.message, params: issue as unknown as Record<string, unknown> },
        language,
      ),
    ]),
  ) as Record<Language, string>;
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: path === '' ? key : `${path}.${key}`, message }));
  }
  return [{ path: path === '' ? 'body' : path, message }];
}
