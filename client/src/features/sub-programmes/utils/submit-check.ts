import type { LineItem } from '@ikt/shared/line-item.schema';
import type { Language } from '@ikt/shared/messages';
import { submitRuleProblems } from '@ikt/shared/submit-rules';

/** One thing that stops a sub-programme from being submitted, tied to its item when it has one. */
export interface SubmitCheckProblem {
  lineItemId: number | null;
  title: string | null;
  /** A line item field (`businessNeed`, `amounts`, …), or '' for the sub-programme as a whole. */
  field: string;
  message: string;
}

/**
 * The same rules the server applies, checked before anything is sent — so the list can be shown
 * while the user works, not only after a refused submit. Cut items are not checked (they count
 * zero), and a sub-programme needs at least one item. `central`: the items are the central
 * sub-programme's.
 */
export function localSubmitProblems(
  items: readonly LineItem[],
  central: boolean,
  language: Language,
  noItemsMessage: string,
): SubmitCheckProblem[] {
  const counted = items.filter((item) => item.reviewStatus !== 'cut');
  if (counted.length === 0) return [{ lineItemId: null, title: null, field: '', message: noItemsMessage }];
  return counted.flatMap((item) =>
    submitRuleProblems({ ...item, central }).map((problem) => ({
      lineItemId: item.id,
      title: item.title,
      field: problem.field,
      message: problem.message[language],
    })),
  );
}

/** Reads the problems of a refused submit (422, paths `lineItems.<id>.<field>`), in the server's words. */
export function submitProblemsFromErrors(
  errors: readonly { path: string; message: string }[],
  items: readonly LineItem[],
): SubmitCheckProblem[] {
  const titles = new Map(items.map((item) => [item.id, item.title]));
  return errors.map(({ path, message }) => {
    const match = /^lineItems\.(\d+)\.(\w+)$/.exec(path);
    if (!match) return { lineItemId: null, title: null, field: '', message };
    const lineItemId = Number(match[1]);
    return { lineItemId, title: titles.get(lineItemId) ?? null, field: match[2] ?? '', message };
  });
}
