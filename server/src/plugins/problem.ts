import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { localizeIssue, type Language } from '@ikt/shared/messages';
import { problemType, type Problem } from '@ikt/shared/problem.schema';
import { isDatabaseUnavailable, isTransactionConflict, isUnstorableCharacter } from '../database-errors';
import { DomainError, TooManyRequestsError, localize } from '../errors';
import { requestLanguage } from '../language';
import { SECURITY_HEADERS } from './security-headers';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const titles: Record<number, Record<Language, string>> = {
  400: { lv: 'Nepareizs pieprasījums', en: 'Bad request' },
  401: { lv: 'Nepieciešama pieteikšanās', en: 'Sign-in required' },
  403: { lv: 'Darbība nav atļauta', en: 'Forbidden' },
  404: { lv: 'Nav atrasts', en: 'Not found' },
  405: { lv: 'Metode nav atļauta', en: 'Method not allowed' },
  408: { lv: 'Pieprasījums nepienāca laikā', en: 'Request timeout' },
  409: { lv: 'Konflikts', en: 'Conflict' },
  412: { lv: 'Dati pa to laiku ir mainīti', en: 'The data has changed meanwhile' },
  413: { lv: 'Pieprasījums ir par lielu', en: 'Request too large' },
  414: { lv: 'Adrese ir par garu', en: 'Address too long' },
  415: { lv: 'Neatbalstīts satura tips', en: 'Unsupported media type' },
  422: { lv: 'Dati neatbilst noteikumiem', en: 'Unprocessable content' },
  428: { lv: 'Nepieciešams If-Match', en: 'Precondition required' },
  429: { lv: 'Pārāk daudz pieprasījumu', en: 'Too many requests' },
  431: { lv: 'Pieprasījuma galvenes ir par lielu', en: 'Request headers too large' },
  500: { lv: 'Servera kļūda', en: 'Internal server error' },
  503: { lv: 'Pakalpojums īslaicīgi nav pieejams', en: 'Service unavailable' },
};

const details: Record<'validation' | 'internal' | 'unavailable' | 'conflict' | 'route', Record<Language, string>> = {
  validation: { lv: 'Pieprasījuma dati nav derīgi.', en: 'The request data is not valid.' },
  internal: {
    lv: 'Radās neparedzēta kļūda. Mēģiniet vēlreiz; ja kļūda atkārtojas, sazinieties ar atbalstu.',
    en: 'An unexpected error occurred. Try again; if it persists, contact support.',
  },
  unavailable: {
    lv: 'Datubāze pašlaik nav pieejama. Mēģiniet vēlreiz pēc brīža.',
    en: 'The database is not reachable at the moment. Try again shortly.',
  },
  conflict: {
    lv: 'Izmaiņas sadūrās ar kāda cita vienlaicīgām izmaiņām, un nekas netika saglabāts. Mēģiniet vēlreiz.',
    en: 'The change collided with someone else’s at the same moment, and nothing was saved. Try again.',
  },
  route: { lv: 'Šāda adrese nav.', en: 'There is no such address.' },
};

/** Seconds a client should wait before trying a request that lost a race (deadlock) again. */
const CONFLICT_RETRY_AFTER_SECONDS = 1;

/** Titles more precise than the status's own, by problem type. */
const slugTitles: Record<string, Record<Language, string>> = {
  'invalid-credentials': { lv: 'Nepareizi pieteikšanās dati', en: 'Wrong sign-in details' },
};

function titleFor(status: number, language: Language): string {
  return titles[status]?.[language] ?? titles[status >= 500 ? 500 : 400]![language];
}

function problemBody(
  language: Language,
  status: number,
  body: { slug?: string; detail?: string; errors?: Problem['errors']; extensions?: Record<string, unknown> },
): Problem {
  return {
    ...body.extensions,
    type: body.slug ? problemType(body.slug) : 'about:blank',
    title: (body.slug ? slugTitles[body.slug]?.[language] : undefined) ?? titleFor(status, language),
    status,
    ...(body.detail ? { detail: body.detail } : {}),
    ...(body.errors ? { errors: body.errors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  body: { slug?: string; detail?: string; errors?: Problem['errors']; extensions?: Record<string, unknown> },
): FastifyReply {
  const problem = problemBody(requestLanguage(request), status, body);
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

export function sendRouteNotFound(reply: FastifyReply, request: FastifyRequest): FastifyReply {
  return sendProblem(reply, request, 404, { slug: 'route-not-found', detail: details.route[requestLanguage(request)] });
}

/**
 * The problem an error answers, decided in one place: the error handler sends it, and a route
 * that streams (the import's progress) writes it as its last line. Logs what needs logging.
 */
export function problemFor(error: FastifyError, request: FastifyRequest): { status: number; problem: Problem } {
  const language = requestLanguage(request);
  const build = (status: number, body: Parameters<typeof problemBody>[2]) => ({
    status,
    problem: problemBody(language, status, body),
  });

  if (error instanceof DomainError) {
    return build(error.status, {
      slug: error.slug,
      detail: localize(error.detail, language),
      errors: error.errors?.map((e) => ({ path: e.path, message: localize(e.message, language) })),
      extensions: error.extensions,
    });
  }

  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    return build(400, {
      slug: 'validation',
      detail: details.validation[language],
      errors: error.validation.map((issue) => ({
        path: `${where}${issue.instancePath === '/' ? '' : issue.instancePath.replaceAll('/', '.')}`,
        message: localizeIssue({ code: issue.keyword, message: issue.message ?? '', params: issue.params }, language),
      })),
    });
  }

  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return build(503, { slug: 'unavailable', detail: details.unavailable[language] });
  }

  // PostgreSQL broke a deadlock (or a serialisation race) by rolling this transaction back:
  // nothing was written, and trying again is the cure — not a bug, so no 500.
  if (isTransactionConflict(error)) {
    request.log.warn({ err: error }, 'transaction conflict');
    return build(503, { slug: 'conflict', detail: details.conflict[language] });
  }

  // A character PostgreSQL cannot store that got past the shared text rule: the input's fault.
  if (isUnstorableCharacter(error)) return build(400, { slug: 'validation', detail: details.validation[language] });

  // Fastify's own client errors (bad JSON, wrong content type, body too large, …): their
  // status is right, their message may echo input, so only the generic title goes out.
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return build(status, {});

  request.log.error({ err: error }, 'unhandled error');
  return build(500, { detail: details.internal[language] });
}

/**
 * Fastify's `frameworkErrors`: a malformed URL (`/%c0%ae`), an over-long path parameter. Fastify
 * answers these before any route, hook or error handler, so its own body would echo the path and
 * skip our headers; the caller sets the headers, this the body.
 */
export function sendFrameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const { status, problem } = problemFor(error, request);
  void reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refused (a Content-Length that is not a
 * number, headers too large, too slow). There is no request to read a language from, so the
 * answer is in Latvian, written straight to the socket with the headers every answer carries.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // The client has gone already: nothing to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const body = JSON.stringify(problemBody('lv', status, {}));
  const headers = {
    ...SECURITY_HEADERS,
    'cache-control': 'no-store',
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}

/** One error handler decides every status; no answer carries a stack, SQL or a secret. */
export const problemPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
      if (isTransactionConflict(error)) reply.header('retry-after', String(CONFLICT_RETRY_AFTER_SECONDS));
      const { status, problem } = problemFor(error, request);
      return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem);
    });
  },
  { name: 'problem' },
);
