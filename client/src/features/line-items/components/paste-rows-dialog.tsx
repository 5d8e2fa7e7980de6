import { LINE_ITEM_BATCH_MAX, type LineItem } from '@ikt/shared/line-item.schema';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import { useId, useMemo, useState } from 'react';
import { DataTable, numeric } from '../../../components/data-table';
import { ApiError } from '../../../api/client';
import { describeError } from '../../../components/error-state';
import { Dialog } from '../../../components/dialog';
import { MONEY_PROBLEM_MESSAGES } from '../../../components/money-field';
import { useI18n } from '../../../i18n/i18n-context';
import { parseClipboardTable } from '../../../utils/clipboard-table';
import { formatMoney } from '../../../utils/money-input';
import { useUnsavedChanges } from '../../../hooks/use-unsaved-changes';
import { useCreateLineItemsBatch } from '../api/create-line-items-batch';
import { problemsByRow, type BatchProblems, type RowServerProblem } from '../utils/batch-problems';
import { readPastedRows, type PasteField, type PasteProblem, type PastedRow } from '../utils/paste-rows';

interface PasteRowsDialogProps {
  open: boolean;
  initialText: string;
  subProgrammeId: number;
  fiscalYears: readonly number[];
  selectableEkkCodes: ReadonlySet<string>;
  onClose: () => void;
  onSaved: (items: LineItem[]) => void;
}

/**
 * Rows copied from Excel, checked before anything is saved: every row and every problem is
 * shown, and only clean rows are sent — all in one request, which the server takes whole or not
 * at all. When it refuses, its problems are shown on the rows they concern and nothing is saved.
 */
export function PasteRowsDialog(props: PasteRowsDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} title={t('paste.title')} onClose={props.onClose} wide>
      {props.open && <PasteRowsBody {...props} />}
    </Dialog>
  );
}

function PasteRowsBody({
  initialText,
  subProgrammeId,
  fiscalYears,
  selectableEkkCodes,
  onClose,
  onSaved,
}: PasteRowsDialogProps) {
  const { t, tn, language } = useI18n();
  const textId = useId();
  const [text, setText] = useState(initialText);
  const [refusal, setRefusal] = useState<BatchProblems | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const batch = useCreateLineItemsBatch();
  // Rows pasted, not yet saved: leaving the page asks first.
  useUnsavedChanges(text.trim() !== '');
  const preview = useMemo(
    () => readPastedRows(parseClipboardTable(text), { fiscalYears, selectableEkkCodes }),
    [text, fiscalYears, selectableEkkCodes],
  );
  const pending = preview.rows.flatMap((row) => (row.input ? [{ sourceRow: row.sourceRow, input: row.input }] : []));
  const invalid = preview.rows.filter((row) => !row.input);
  const tooMany = pending.length > LINE_ITEM_BATCH_MAX;
  const saving = batch.isPending;
  // One transactional save of every row: rows with problems are fixed or deleted in the text
  // first, so that no row is ever saved twice or left half-done.
  const blocked = saving || pending.length === 0 || invalid.length > 0 || tooMany;

  function fieldLabel(field: PasteField): string {
    if (field.startsWith('amount:')) return field.slice('amount:'.length);
    return t(`paste.field.${field}` as 'paste.field.title');
  }

  function problemText(problem: PasteProblem): string {
    const field = fieldLabel(problem.field);
    switch (problem.kind) {
      case 'required':
        return t('paste.problem.required', { field });
      case 'unknownEkk':
        return t('paste.problem.unknownEkk');
      case 'unknownCostNature':
        return t('paste.problem.unknownCostNature');
      case 'unknownPriority':
        return t('paste.problem.unknownPriority');
      case 'money':
        return `${field}: ${t(MONEY_PROBLEM_MESSAGES[problem.problem])}`;
      case 'tooLong':
        return t('paste.problem.tooLong', { field });
      case 'invalid':
        return t('paste.problem.invalid', { field });
    }
  }

  function serverProblemText(problem: RowServerProblem): string {
    const field = problem.field ? fieldLabel(problem.field) : problem.path;
    return field === '' ? problem.message : `${field}: ${problem.message}`;
  }

  async function save() {
    if (blocked) return;
    setRefusal(null);
    setFailure(null);
    try {
      const created = await batch.mutateAsync({ subProgrammeId, items: pending.map((row) => row.input) });
      onSaved(created);
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.errors.length > 0) {
        setRefusal(
          problemsByRow(
            error.errors,
            pending.map((row) => row.sourceRow),
          ),
        );
      } else {
        setFailure(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }

  const failureText = failure && describeError(failure, t);

  return (
    <>
      <div className="field">
        <label htmlFor={textId} className="field__label">
          {t('paste.textLabel')}
        </label>
        <p className="field__hint" id={`${textId}-hint`}>
          {t('paste.hint', { years: fiscalYears.join(', ') })}
        </p>
        <textarea
          id={textId}
          className="field__input field__input--mono"
          rows={4}
          value={text}
          aria-describedby={`${textId}-hint`}
          onChange={(event) => {
            setText(event.target.value);
            setRefusal(null);
            setFailure(null);
          }}
        />
      </div>
      <p role="status" className="paste__summary">
        {preview.rows.length === 0
          ? t('paste.nothing')
          : t('paste.summary', { ready: pending.length, invalid: invalid.length })}
        {preview.hasHeader && ` ${t('paste.headerUsed')}`}
        {saving && ` ${tn('paste.saving', pending.length)}`}
      </p>
      {tooMany && (
        <p role="alert" className="error-state">
          {tn('paste.tooMany', LINE_ITEM_BATCH_MAX)}
        </p>
      )}
      {refusal && (
        <div role="alert" className="error-state">
          <p>
            {refusal.byRow.size > 0
              ? t('paste.refused', { rows: [...refusal.byRow.keys()].join(', ') })
              : t('paste.notSaved')}
          </p>
          {refusal.other.length > 0 && (
            <ul>
              {refusal.other.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {failureText && (
        <p role="alert" className="error-state">
          {t('paste.notSaved')} {failureText.message ?? failureText.heading}
        </p>
      )}
      {preview.rows.length > 0 && (
        <DataTable
          caption={t('paste.previewCaption')}
          className="paste-preview"
          head={[
            numeric(t('paste.row')),
            t('paste.field.title'),
            t('paste.field.ekkCode'),
            t('paste.field.costNature'),
            t('paste.field.priority'),
            ...fiscalYears.map((year) => numeric(year)),
            t('paste.check'),
          ]}
        >
          <tbody>
            {preview.rows.map((row) => (
              <PreviewRow
                key={row.sourceRow}
                row={row}
                fiscalYears={fiscalYears}
                serverProblems={refusal?.byRow.get(row.sourceRow) ?? []}
                problemText={problemText}
                serverProblemText={serverProblemText}
                costNatureLabel={(code) => COST_NATURE_LABELS[code][language]}
                priorityLabel={(code) => PRIORITY_LABELS[code][language]}
              />
            ))}
          </tbody>
        </DataTable>
      )}
      <div className="form-actions">
        <button type="button" className="button" aria-disabled={blocked || undefined} onClick={() => void save()}>
          {saving ? t('common.saving') : tn('paste.save', pending.length)}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
      <p className="hint">{t('paste.allOrNothing')}</p>
    </>
  );
}

function PreviewRow({
  row,
  fiscalYears,
  serverProblems,
  problemText,
  serverProblemText,
  costNatureLabel,
  priorityLabel,
}: {
  row: PastedRow;
  fiscalYears: readonly number[];
  /** What the server refused in this row (nothing was saved). */
  serverProblems: RowServerProblem[];
  problemText: (problem: PasteProblem) => string;
  serverProblemText: (problem: RowServerProblem) => string;
  costNatureLabel: (code: NonNullable<PastedRow['input']>['costNature']) => string;
  priorityLabel: (code: NonNullable<PastedRow['input']>['priority']) => string;
}) {
  const { t } = useI18n();
  const bad = (field: PasteField) =>
    row.problems.some((problem) => problem.field === field) ||
    serverProblems.some((problem) => problem.field === field);
  const cell = (field: PasteField, shown: string | undefined, className = '') => (
    <td className={`${className}${bad(field) ? ' is-invalid' : ''}`}>{shown ?? row.cells[field] ?? ''}</td>
  );
  const input = row.input;
  return (
    <tr>
      <th scope="row" className="num">
        {row.sourceRow}
      </th>
      {cell('title', input?.title)}
      {cell('ekkCode', input?.ekkCode, 'code')}
      {cell('costNature', input ? costNatureLabel(input.costNature) : undefined)}
      {cell('priority', input ? priorityLabel(input.priority) : undefined)}
      {fiscalYears.map((year) => {
        const field = `amount:${year}` as const;
        const amount = input?.amounts?.[String(year)];
        return (
          <td key={year} className={`num${bad(field) ? ' is-invalid' : ''}`}>
            {amount !== undefined ? formatMoney(amount) : (row.cells[field] ?? '')}
          </td>
        );
      })}
      <td>
        {serverProblems.length > 0 ? (
          <ul className="paste-preview__problems">
            {serverProblems.map((problem) => (
              <li key={`${problem.path}:${problem.message}`}>{serverProblemText(problem)}</li>
            ))}
          </ul>
        ) : row.problems.length === 0 ? (
          <span className="badge badge--info">{t('paste.ready')}</span>
        ) : (
          <ul className="paste-preview__problems">
            {row.problems.map((problem) => (
              <li key={`${problem.field}:${problem.kind}`}>{problemText(problem)}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
