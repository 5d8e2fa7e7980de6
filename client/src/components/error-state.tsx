import { ApiError } from '../api/client';
import { useT } from '../i18n/i18n-context';

type Translate = ReturnType<typeof useT>;

/** The heading and text for a failure: the server's problem words when it sent some, ours otherwise. */
export function describeError(error: Error, t: Translate): { heading: string; message: string | undefined } {
  if (!(error instanceof ApiError)) return { heading: t('error.heading'), message: t('error.unexpected') };
  switch (error.kind) {
    case 'problem':
      return { heading: error.title, message: error.detail };
    case 'network':
      return { heading: t('error.heading'), message: t('error.network') };
    case 'invalid-response':
      return { heading: t('error.heading'), message: t('error.invalidResponse') };
    case 'http':
      return { heading: t('error.heading'), message: t('error.http') };
  }
}

interface ErrorStateProps {
  error: Error;
  onRetry?: () => void;
}

/** Says what went wrong in words a finance user can act on; the server's own problem text comes first. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const t = useT();
  const apiError = error instanceof ApiError ? error : undefined;
  const { heading, message } = describeError(error, t);

  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{heading}</p>
      {message && <p>{message}</p>}
      {apiError && apiError.errors.length > 0 && (
        <>
          <p>{t('error.problems')}:</p>
          <ul>
            {apiError.errors.map((fieldError) => (
              <li key={`${fieldError.path}:${fieldError.message}`}>
                {fieldError.path && <code>{fieldError.path}</code>} {fieldError.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {apiError && apiError.status > 0 && (
        <p className="error-state__meta">{t('error.statusCode', { status: apiError.status })}</p>
      )}
      {apiError?.kind === 'invalid-response' && apiError.detail && (
        <details>
          <summary>{t('error.technical')}</summary>
          <pre>{apiError.detail}</pre>
        </details>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
