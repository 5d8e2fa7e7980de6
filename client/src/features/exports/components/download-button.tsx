import { BusyButton } from '../../../components/form-actions';
import { describeError } from '../../../components/error-state';
import { useI18n } from '../../../i18n/i18n-context';
import { isMissingRoute, useDownload } from '../hooks/use-download';
import { formatSize, sizeFigure, sizeUnit } from '../utils/file-size';

interface DownloadButtonProps {
  url: string;
  fallbackName: string;
  label: string;
}

/**
 * A download that shows how far it has got, and says plainly when the file could not be made. Until
 * the size is known (the server is still writing the workbook, or does not say) the bar is
 * indeterminate and the words say only what is known.
 */
export function DownloadButton({ url, fallbackName, label }: DownloadButtonProps) {
  const { t, language } = useI18n();
  const { state, start, cancel } = useDownload();
  const loading = state.phase === 'loading';

  return (
    <div className="download">
      <BusyButton className="button button--secondary" busy={loading} onClick={() => void start(url, fallbackName)}>
        {label}
      </BusyButton>
      <div className="download__status" role="status">
        {loading && (
          <>
            <progress
              className="download__progress"
              aria-label={t('download.progress')}
              {...(state.total !== undefined ? { max: state.total, value: state.received } : {})}
            />{' '}
            <span>
              {state.total !== undefined
                ? t('download.receivedOf', {
                    received: sizeFigure(state.received, language, sizeUnit(state.total)),
                    total: formatSize(state.total, language),
                  })
                : state.answered && state.received > 0
                  ? t('download.received', { received: formatSize(state.received, language) })
                  : t('download.preparing')}
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
