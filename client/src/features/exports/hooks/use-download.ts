import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../../api/client';
import { filenameFromDisposition } from '../utils/content-disposition';

/** The export route is built separately; until it is deployed the server answers "no such route". */
export function isMissingRoute(error: Error): boolean {
  return error instanceof ApiError && error.status === 404 && error.type.endsWith(':route-not-found');
}

export type DownloadState =
  | { phase: 'idle' }
  /** `answered` once the server has started sending; `total` only when the size is known. */
  | { phase: 'loading'; answered: boolean; received: number; total: number | undefined }
  | { phase: 'done'; filename: string }
  | { phase: 'failed'; error: ApiError | Error };

/**
 * Fetches a file (a workbook the server may take a while to write) while counting the bytes,
 * so the screen can show progress, then hands it to the browser as a download. A failure is
 * kept as the server worded it; a route that does not exist yet answers 404 like any other.
 */
export function useDownload() {
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  const start = useCallback(async (url: string, fallbackName: string) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'loading', answered: false, received: 0, total: undefined });
    try {
      const response = await fetch(url, { credentials: 'same-origin', signal: abort.signal });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => undefined);
        const problem = body as { type?: unknown; title?: unknown; detail?: unknown } | undefined;
        throw new ApiError(typeof problem?.title === 'string' ? 'problem' : 'http', {
          status: response.status,
          type: typeof problem?.type === 'string' ? problem.type : undefined,
          title: typeof problem?.title === 'string' ? problem.title : response.statusText || `HTTP ${response.status}`,
          detail: typeof problem?.detail === 'string' ? problem.detail : undefined,
        });
      }
      // A compressed answer's Content-Length counts the compressed bytes, not those the reader
      // hands over: its size is then not known.
      const lengthHeader = response.headers.get('content-length');
      const encoding = response.headers.get('content-encoding');
      const compressed = encoding !== null && encoding !== '' && encoding !== 'identity';
      const total =
        !compressed && lengthHeader && /^\d+$/.test(lengthHeader) && Number(lengthHeader) > 0
          ? Number(lengthHeader)
          : undefined;
      setState({ phase: 'loading', answered: true, received: 0, total });
      const chunks: Uint8Array[] = [];
      let received = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          received += value.byteLength;
          setState({
            phase: 'loading',
            answered: true,
            received,
            total: total !== undefined && received <= total ? total : undefined,
          });
        }
      }
      const blob = new Blob(chunks as BlobPart[], {
        type: response.headers.get('content-type') ?? 'application/octet-stream',
      });
      const filename = filenameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setState({ phase: 'done', filename });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        setState({ phase: 'idle' });
        return;
      }
      setState({ phase: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { state, start, cancel };
}
