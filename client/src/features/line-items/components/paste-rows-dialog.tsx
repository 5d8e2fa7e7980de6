import type { LineItem } from '@ikt/shared/line-item.schema';
import { COST_NATURE_LABELS, PRIORITY_LABELS } from '@ikt/shared/labels';
import { useId, useMemo, useState } from 'react';
import { DataTable } from '../../../components/data-table';
import { describeError } from '../../../components/error-state';
import { Dialog } from '../../../components/dialog';
import { MONEY_PROBLEM_MESSAGES } from '../../../components/money-field';
import { useI18n } from '../../../i18n/i18n-context';
import { parseClipboardTable } from '../../../utils/clipboard-table';
import { formatMoney } from '../../../utils/money-input';
import { useCreateLineItem } from '../api/create-line-item';
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

type RowOutcome = { state: 'saved' } | { state: 'failed'; message: string };

/**
 * Rows copied from Excel, checked before anything is saved: every row and every problem is
 * shown, and only a clean row is sent. The rows are saved one after another (the API has no
 * batch endpoint yet), so a failure part-way says exactly which rows were saved.
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
  const { t, language } = useI18n();
  const textId = useId();
  const [text, setText] = useState(initialText);
  const [outcomes, setOutcomes] = useState(new Map<number, RowOutcome>());
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const create = useCreateLineItem();
  const preview = useMemo(
    () => readPastedRows(parseClipboardTable(text), { fiscalYears, selectableEkkCodes }),
    [text, fiscalYears, selectableEkkCodes],
  );
  const pending = preview.rows.filter((row) => row.input && outcomes.get(row.sourceRow)?.state !== 'saved');
  const invalid = preview.rows.filter((row) => !row.input);
  const saving = progress !== null;

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

  async function save() {
    if (saving || pending.length === 0) return;
    const created: LineItem[] = [];
    const next = new Map(outcomes);
    setProgress({ done: 0, total: pending.length });
    for (const [index, row] of pending.entries()) {
      try {
        const item = await create.mutateAsync({ subProgrammeId, input: row.input! });
        created.push(item);
        next.set(row.sourceRow, { state: 'saved' });
      } catch (error) {
        const { heading, message } = describeError(error instanceof Error ? error : new Error(String(error)), t);
        next.set(row.sourceRow, { state: 'failed', message: message ?? heading });
        break;
      } finally {
        setOutcomes(new Map(next));
        setProgress({ done: index + 1, total: pending.length });
      }
    }
    setProgress(null);
    if (created.length > 0) onSaved(created);
    const failed = [...next.values()].some((outcome) => outcome.state === 'failed');
    if (!failed && invalid.length === 0) onClose();
  }

  const savedCount = [...outcomes.values()].filter((outcome) => outcome.state === 'saved').length;
  const failedRow = preview.rows.find((row) => outcomes.get(row.sourceRow)?.state === 'failed');

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
            setOutcomes(new Map());
          }}
        />
      </div>
      <p role="status" className="paste__summary">
        {preview.rows.length === 0
          ? t('paste.nothing')
          : t('paste.summary', { ready: pending.length, invalid: invalid.length })}
        {preview.hasHeader && ` ${t('paste.headerUsed')}`}
        {progress && ` ${t('paste.progress', { done: progress.done, total: progress.total })}`}
        {!progress && savedCount > 0 && ` ${t('paste.savedCount', { count: savedCount })}`}
      </p>
      {failedRow && (
        <p role="alert" className="error-state">
          {t('paste.failedRow', { row: failedRow.sourceRow })}{' '}
          {(outcomes.get(failedRow.sourceRow) as { message: string }).message}
        </p>
      )}
      {preview.rows.length > 0 && (
        <DataTable caption={t('paste.previewCaption')} className="paste-preview">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('paste.row')}
              </th>
              <th scope="col">{t('paste.field.title')}</th>
              <th scope="col">{t('paste.field.ekkCode')}</th>
              <th scope="col">{t('paste.field.costNature')}</th>
              <th scope="col">{t('paste.field.priority')}</th>
              {fiscalYears.map((year) => (
                <th key={year} scope="col" className="num">
                  {year}
                </th>
              ))}
              <th scope="col">{t('paste.check')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <PreviewRow
                key={row.sourceRow}
                row={row}
                fiscalYears={fiscalYears}
                outcome={outcomes.get(row.sourceRow)}
                problemText={problemText}
                costNatureLabel={(code) => COST_NATURE_LABELS[code][language]}
                priorityLabel={(code) => PRIORITY_LABELS[code][language]}
              />
            ))}
          </tbody>
        </DataTable>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          aria-disabled={saving || pending.length === 0 || undefined}
          onClick={() => void save()}
        >
          {saving
            ? t('common.saving')
            : invalid.length > 0
              ? t('paste.saveValid', { count: pending.length })
              : t('paste.save', { count: pending.length })}
        </button>
        <button type="button" className="button button--quiet" onClick={onClose}>
          {savedCount > 0 ? t('common.close') : t('common.cancel')}
        </button>
      </div>
      <p className="hint">{t('paste.notTransactional')}</p>
    </>
  );
}

function PreviewRow({
  row,
  fiscalYears,
  outcome,
  problemText,
  costNatureLabel,
  priorityLabel,
}: {
  row: PastedRow;
  fiscalYears: readonly number[];
  outcome: RowOutcome | undefined;
  problemText: (problem: PasteProblem) => string;
  costNatureLabel: (code: NonNullable<PastedRow['input']>['costNature']) => string;
  priorityLabel: (code: NonNullable<PastedRow['input']>['priority']) => string;
}) {
  const { t } = useI18n();
  const bad = (field: PasteField) => row.problems.some((problem) => problem.field === field);
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
        {outcome?.state === 'saved' ? (
          <span className="badge badge--ok">{t('paste.saved')}</span>
        ) : outcome?.state === 'failed' ? (
          <span className="badge badge--danger">{t('paste.failed')}</span>
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
