import type { ImportProblem, ImportResult } from '@ikt/shared/spreadsheet.schema';
import { useId, useRef, useState, type DragEvent } from 'react';
import { DataTable, numeric } from '../../../components/data-table';
import { Dialog } from '../../../components/dialog';
import { FormProblem } from '../../../components/form-problem';
import { useI18n } from '../../../i18n/i18n-context';
import type { MessageKey } from '../../../i18n/messages/lv';
import { useFieldText } from '../../../hooks/use-field-text';
import { useImportWorkbook } from '../api/import-workbook';
import { importRejection } from '../utils/import-outcome';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const KIND_LABELS: Partial<Record<ImportProblem['kind'], MessageKey>> = {
  conflict: 'import.kind.conflict',
  'not-editable': 'import.kind.notEditable',
  'not-found': 'import.kind.notFound',
};

interface ImportDialogProps {
  open: boolean;
  subProgrammeId: number;
  subProgrammeCode: string;
  onClose: () => void;
  onImported: (result: ImportResult) => void;
}

/**
 * "Importēt no Excel", as the template's instructions say: the filled-in workbook is checked
 * first (a dry run: what would be created and changed, or every problem by sheet, row and
 * column), and only then imported — all rows in one transaction, or none.
 */
export function ImportDialog(props: ImportDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} title={t('import.title')} onClose={props.onClose} wide>
      {props.open && <ImportBody {...props} />}
    </Dialog>
  );
}

function ImportBody({ subProgrammeId, subProgrammeCode, onClose, onImported }: ImportDialogProps) {
  const { t } = useI18n();
  const inputId = useId();
  const statusId = useId();
  const importer = useImportWorkbook();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const pending = importer.isPending;
  const applying = pending && importer.variables?.dryRun === false;
  const rejection = importRejection(importer.error);
  const changes = checked ? checked.created.length + checked.updated.length : 0;

  function check(chosen: File) {
    setFile(chosen);
    setChecked(null);
    importer.reset();
    importer.mutate({ subProgrammeId, file: chosen, dryRun: true }, { onSuccess: setChecked });
  }

  function apply() {
    if (!file || pending || changes === 0) return;
    importer.mutate(
      { subProgrammeId, file, dryRun: false },
      {
        onSuccess: (result) => {
          onImported(result);
          onClose();
        },
        onError: () => setChecked(null),
      },
    );
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !pending) check(dropped);
  }

  return (
    <div className="import">
      <p>{t('import.intro', { code: subProgrammeCode })}</p>
      <div
        className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label htmlFor={inputId} className="field__label">
          {t('import.fileLabel')}
        </label>
        <p className="field__hint" id={`${inputId}-hint`}>
          {t('import.fileHint')}
        </p>
        <input
          ref={input}
          id={inputId}
          type="file"
          accept={XLSX_TYPES}
          className="drop-zone__input"
          aria-describedby={`${inputId}-hint`}
          disabled={pending}
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            // The same file, corrected and chosen again, is read again.
            event.target.value = '';
            if (chosen) check(chosen);
          }}
        />
      </div>

      <p id={statusId} role="status" className={pending ? 'import__status' : 'visually-hidden'}>
        {pending && file
          ? applying
            ? t('import.applying', { file: file.name })
            : t('import.checking', { file: file.name })
          : ''}
      </p>

      {rejection && file && (
        <ImportProblems
          fileName={file.name}
          detail={rejection.detail}
          problems={rejection.problems}
          conflicts={rejection.hasConflicts}
        />
      )}
      {importer.isError && !rejection && (
        <FormProblem
          error={importer.error}
          problems={{ fields: {}, first: undefined, others: [] }}
          title={t('import.failed')}
        />
      )}
      {checked && file && <ImportPreview fileName={file.name} result={checked} />}

      <div className="form-actions">
        {checked && changes > 0 && (
          <button type="button" className="button" aria-disabled={pending || undefined} onClick={apply}>
            {t('import.apply')}
          </button>
        )}
        {(checked || importer.isError) && (
          <button
            type="button"
            className="button button--secondary"
            aria-disabled={pending || undefined}
            onClick={() => input.current?.click()}
          >
            {t('import.another')}
          </button>
        )}
      </div>
    </div>
  );
}

function ImportPreview({ fileName, result }: { fileName: string; result: ImportResult }) {
  const { t } = useI18n();
  const { fieldName } = useFieldText();
  const headingId = useId();
  const nothing = result.created.length + result.updated.length === 0;
  return (
    <section aria-labelledby={headingId} className="import__result">
      <h3 id={headingId}>{t('import.previewHeading', { file: fileName })}</h3>
      <p>{nothing ? t('import.nothingToDo') : t('import.previewText')}</p>
      <dl className="facts import-summary">
        <div>
          <dt>{t('import.rows')}</dt>
          <dd className="num">{result.rows}</dd>
        </div>
        <div>
          <dt>{t('import.created')}</dt>
          <dd className="num">{result.created.length}</dd>
        </div>
        <div>
          <dt>{t('import.updated')}</dt>
          <dd className="num">{result.updated.length}</dd>
        </div>
        <div>
          <dt>{t('import.unchanged')}</dt>
          <dd className="num">{result.unchanged.length}</dd>
        </div>
      </dl>
      {result.created.length > 0 && (
        <DataTable
          caption={t('import.createdCaption')}
          head={[numeric(t('import.column.row')), t('grid.column.title')]}
        >
          <tbody>
            {result.created.map((row) => (
              <tr key={row.row}>
                <td className="num">{row.row}</td>
                <th scope="row">{row.title}</th>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {result.updated.length > 0 && (
        <DataTable
          caption={t('import.updatedCaption')}
          head={[numeric(t('import.column.row')), t('grid.column.title'), t('import.column.fields')]}
        >
          <tbody>
            {result.updated.map((row) => (
              <tr key={row.row}>
                <td className="num">{row.row}</td>
                <th scope="row">{row.title}</th>
                <td>{row.fields.map(fieldName).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}

function ImportProblems({
  fileName,
  detail,
  problems,
  conflicts,
}: {
  fileName: string;
  detail: string | undefined;
  problems: readonly ImportProblem[];
  conflicts: boolean;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="import__result">
      <div className="error-state" role="alert">
        <h3 id={headingId} className="error-state__title">
          {t('import.rejectedHeading')}
        </h3>
        <p>{t('import.rejectedFile', { file: fileName })}</p>
        {detail && <p>{detail}</p>}
        {conflicts && <p>{t('import.conflicts')}</p>}
      </div>
      <DataTable
        caption={t('import.problemsCaption', { count: problems.length })}
        head={[
          t('import.column.sheet'),
          numeric(t('import.column.row')),
          t('import.column.column'),
          t('import.column.problem'),
        ]}
      >
        <tbody>
          {problems.map((problem, index) => {
            const kind = KIND_LABELS[problem.kind];
            const column = [problem.column, problem.columnName].filter(Boolean).join(' · ');
            return (
              <tr key={index} className={problem.kind === 'conflict' ? 'is-conflict' : undefined}>
                <td>{problem.sheet}</td>
                <td className="num">{problem.row ?? t('import.wholeSheet')}</td>
                <td>{column || t('import.wholeRow')}</td>
                <td>
                  {kind && <span className="badge badge--warn">{t(kind)}</span>} {problem.message}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
    </section>
  );
}
