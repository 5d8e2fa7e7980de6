import { importRejectionSchema } from '@ikt/shared/spreadsheet.schema';
import { useRef } from 'react';
import { ApiError, isStaleVersion } from '../../../api/client';
import { describeError } from '../../../components/error-state';
import { useI18n } from '../../../i18n/i18n-context';
import { useImportConsumption } from '../api/allocation-basis';

const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * "Importēt no Excel" for the consumption template: the chosen file is sent at once, all rows
 * or none; a refusal lists every problem where the spreadsheet user finds it (sheet, row, column).
 */
export function ConsumptionImport({ cycleId, version }: { cycleId: number; version: number }) {
  const { t } = useI18n();
  const importer = useImportConsumption(cycleId);
  const input = useRef<HTMLInputElement>(null);
  const error = importer.error;
  const rejection = error instanceof ApiError ? importRejectionSchema.safeParse(error.body) : undefined;

  return (
    <div className="download">
      <input
        ref={input}
        aria-label={t('basis.import')}
        type="file"
        accept={XLSX_TYPES}
        className="visually-hidden"
        tabIndex={-1}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file && !importer.isPending) importer.mutate({ input: file, version });
        }}
      />
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={importer.isPending || undefined}
        onClick={() => input.current?.click()}
      >
        {importer.isPending ? t('basis.importing') : t('basis.import')}
      </button>
      <div className="download__status" role="status">
        {importer.isSuccess && t('basis.imported')}
      </div>
      {error && (
        <div className="download__error" role="alert">
          {isStaleVersion(error) ? (
            t('basis.stale')
          ) : error instanceof ApiError && error.status === 404 ? (
            t('download.notAvailable')
          ) : rejection?.success ? (
            <>
              <p>{t('basis.importRefused')}</p>
              <ul>
                {rejection.data.problems.map((problem, index) => (
                  <li key={index}>
                    {[problem.sheet, problem.row, problem.column].filter((part) => part !== null).join(' · ')}:{' '}
                    {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            (describeError(error, t).message ?? describeError(error, t).heading)
          )}
        </div>
      )}
    </div>
  );
}
