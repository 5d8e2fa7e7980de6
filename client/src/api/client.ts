import { problemSchema, problemType, type Problem } from '@ikt/shared/problem.schema';
import { z } from 'zod';
import { parseRetryAfter } from './retry-after';

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
  /** From a 429's or 503's Retry-After header: how many seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;
  /**
   * The problem body as the server sent it, extensions included (an import's located problems,
   * the largest possible cut): parse it with the shared schema of the answer expected.
   */
  readonly body: unknown;

  constructor(
    kind: ApiErrorKind,
    fields: {
      status: number;
      type?: string;
      title: string;
      detail?: string | undefined;
      errors?: ApiFieldError[];
      retryAfterSeconds?: number | undefined;
      body?: unknown;
    },
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
    this.retryAfterSeconds = fields.retryAfterSeconds;
    this.body = fields.body;
  }
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
  /** The version a change is based on (optimistic concurrency): sent as `If-Match: "<version>"`. */
  ifMatchVersion?: number | undefined;
}

/** The ETag the server gives a versioned record (`"<version>"`), as If-Match expects it back. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** Someone else changed the record since it was read (412): reload it and apply the change again. */
export function isStaleVersion(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 412;
}

// The server words its problem answers in the request's language; the UI language is set by
// the app (see AppProvider), so every request asks for the language the user is reading.
let requestLanguage = 'lv';

/** Called by the app whenever the UI language changes, before anything is fetched in it. */
export function setRequestLanguage(language: string): void {
  requestLanguage = language;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'), Date.now());
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType.includes('json')) {
    const body: unknown = await response.json().catch(() => undefined);
    const problem = problemSchema.safeParse(body);
    if (problem.success) {
      // The status line is authoritative; a body that disagrees is the server's mistake.
      return new ApiError('problem', { ...problem.data, status: response.status, retryAfterSeconds, body });
    }
  }
  return new ApiError('http', {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * The server rolled the request's transaction back to break a deadlock with someone else's: it
 * saved nothing, so the request may be sent again (once, after the Retry-After wait) before the
 * user is told anything.
 */
const isConflict = (error: ApiError) => error.status === 503 && error.type === problemType('conflict');
const ATTEMPTS_ON_CONFLICT = 2;

/**
 * Sends a request and answers the response when it is a success, or throws its ApiError. A body,
 * when given, goes as JSON (the server accepts state-changing requests only as same-origin JSON);
 * without one no content-type is sent at all, as the server refuses an empty body that claims to
 * be JSON. A FormData body (a file upload, taken by the routes that accept files) goes as
 * multipart, with the boundary the browser writes into its content type.
 */
async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await sendOnce(method, path, body, options);
    if (response.ok) return response;
    const error = await errorFromResponse(response);
    if (attempt >= ATTEMPTS_ON_CONFLICT || !isConflict(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, (error.retryAfterSeconds ?? 1) * 1000));
  }
}

async function sendOnce(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': requestLanguage,
  };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (options.ifMatchVersion !== undefined) headers['If-Match'] = versionTag(options.ifMatchVersion);

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : multipart ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (cause) {
    // An abort is React Query cancelling a query it no longer needs: let it pass through as is.
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network', { status: 0, title: 'Network error' }, { cause });
  }
  return response;
}

/** Parses a success answer with the shared schema, so the screen only sees the contract. */
async function parseBody<S extends z.ZodType>(response: Response, path: string, schema: S): Promise<z.output<S>> {
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

/** GET a JSON resource and parse it with the shared schema. */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send('GET', path, undefined, options);
  return parseBody(response, path, schema);
}

/** POST a JSON body and parse the JSON answer with the shared schema. */
export async function apiPost<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send('POST', path, body, options);
  return parseBody(response, path, schema);
}

/** POST files as multipart/form-data (to a route that takes uploads) and parse the JSON answer. */
export async function apiPostForm<S extends z.ZodType>(
  path: string,
  form: FormData,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send('POST', path, form, options);
  return parseBody(response, path, schema);
}

/** POST to an endpoint that answers 204 No Content; `body` undefined sends no body at all. */
export async function apiPostNoContent(path: string, body?: unknown, options: RequestOptions = {}): Promise<void> {
  await send('POST', path, body, options);
}

/** PATCH a JSON body (with If-Match when the record is versioned) and parse the answer. */
export async function apiPatch<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send('PATCH', path, body, options);
  return parseBody(response, path, schema);
}

/** PUT a JSON body and parse the answer. */
export async function apiPut<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  options: RequestOptions = {},
): Promise<z.output<S>> {
  const response = await send('PUT', path, body, options);
  return parseBody(response, path, schema);
}

/** DELETE a resource (with If-Match when it is versioned); the server answers 204. */
export async function apiDelete(path: string, options: RequestOptions = {}): Promise<void> {
  await send('DELETE', path, undefined, options);
}
