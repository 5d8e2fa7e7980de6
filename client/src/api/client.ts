import { problemSchema, type Problem } from '@ikt/shared/problem.schema';
import { z } from 'zod';

/**
 * Why a request failed. `problem` carries the server's own problem+json words; for the others
 * the server said nothing usable, so the screen words them in the user's language.
 */
export type ApiErrorKind = 'problem' | 'http' | 'network' | 'invalid-response';

export type ApiFieldError = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  /** 0 when no answer arrived at all. */
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: ApiFieldError[];

  constructor(
    kind: ApiErrorKind,
    fields: { status: number; type?: string; title: string; detail?: string | undefined; errors?: ApiFieldError[] },
    options?: { cause?: unknown },
  ) {
    super(fields.detail ? `${fields.title}: ${fields.detail}` : fields.title, options);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = fields.status;
    this.type = fields.type ?? 'about:blank';
    this.title = fields.title;
    this.detail = fields.detail;
    this.errors = fields.errors ?? [];
  }
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    const problem = problemSchema.safeParse(body);
    if (problem.success) {
      // The status line is authoritative; a body that disagrees is the server's mistake.
      return new ApiError('problem', { ...problem.data, status: response.status });
    }
  }
  return new ApiError('http', { status: response.status, title: response.statusText || `HTTP ${response.status}` });
}

/** GET a JSON resource and parse it with the shared schema, so the screen only sees the contract. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'GET',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    // An abort is React Query cancelling a query it no longer needs: let it pass through as is.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network', { status: 0, title: 'Network error' }, { cause });
  }

  if (!response.ok) throw await errorFromResponse(response);

  const body: unknown = await response.json().catch((cause: unknown) => {
    throw new ApiError('invalid-response', { status: response.status, title: 'Response is not JSON' }, { cause });
  });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('invalid-response', {
      status: response.status,
      title: 'Response does not match the API contract',
      detail: `${path}: ${z.prettifyError(parsed.error)}`,
    });
  }
  return parsed.data;
}
