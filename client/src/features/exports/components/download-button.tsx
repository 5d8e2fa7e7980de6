import { describeError } from '../../../components/error-state';
import { formatDecimal } from '../../../i18n/format';
import { useI18n } from '../../../i18n/i18n-context';
import { isMissingRoute, useDownload } from '../hooks/use-download';

interface DownloadButtonProps {
  url: string;
  fallbackName: string;
  label: string;
}

function megabytes(bytes: number): string {
  return (Math.round((bytes / 1_048_576) * 10) / 10).toFixed(1);
}

/** A download that shows how far it has got, and says plainly when the file could not be made. */
export function DownloadButton({ url, fallbackName, label }: DownloadButtonProps) {
  const { t, language } = useI18n();
  const { state, start, cancel } = useDownload();
  const loading = state.phase === 'loading';

  return (
    <div className="download">
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={loading || undefined}
        onClick={() => {
          if (!loading) void start(url, fallbackName);
        }}
      >
        {label}
      </button>
      <div className="download__status" role="status">
        {loading && (
          <>
            <progress
              className="download__progress"
              aria-label={t('download.progress')}
              {...(state.total ? { max: state.total, value: state.received } : {})}
            />{' '}
            <span>
              {state.total
                ? t('download.receivedOf', {
                    received: formatDecimal(megabytes(state.received), language),
                    total: formatDecimal(megabytes(state.total), language),
                  })
                : t('download.received', { received: formatDecimal(megabytes(state.received), language) })}
            </span>{' '}
            <button type="button" className="button button--quiet" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </>
        )}
        {state.phase === 'done' && t('download.done', { filename: state.filename })}
      </div>
      {state.phase === 'failed' && (
        <p className="download__error" role="alert">
          {isMissingRoute(state.error)
            ? t('download.notAvailable')
            : (describeError(state.error, t).message ?? describeError(state.error, t).heading)}
        </p>
      )}
    </div>
  );
}
