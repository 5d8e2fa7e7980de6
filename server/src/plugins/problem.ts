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
import { isMessageCode, say, type MessageCode, type PlainCode } from '../messages/message';
import { SECURITY_HEADERS } from './security-headers';

const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** Seconds a client should wait before trying a request that lost a race (deadlock) again. */
const CONFLICT_RETRY_AFTER_SECONDS = 1;

type TitleCode = Extract<MessageCode, `title.${string}`>;
const isTitle = (code: string): code is TitleCode => code.startsWith('title.') && isMessageCode(code);

/** The status's own title, or one more precise for the problem's type where there is one. */
function titleFor(status: number, slug: string | undefined, language: Language): string {
  const fallback = status >= 500 ? 'title.500' : 'title.400';
  const code = [`title.${slug}`, `title.${status}`].find(isTitle) ?? fallback;
  return say(code, language);
}

/** What a problem says beside its status and title, already in the answer's language. */
interface ProblemParts {
  slug?: string;
  detail?: string;
  errors?: Problem['errors'];
  extensions?: Record<string, unknown>;
}

function problemBody(language: Language, status: number, body: ProblemParts): Problem {
  return {
    ...body.extensions,
    type: body.slug ? problemType(body.slug) : 'about:blank',
    title: titleFor(status, body.slug, language),
    status,
    ...(body.detail ? { detail: body.detail } : {}),
    ...(body.errors ? { errors: body.errors } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  body: ProblemParts,
): FastifyReply {
  const problem = problemBody(requestLanguage(request), status, body);
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

export function sendRouteNotFound(reply: FastifyReply, request: FastifyRequest): FastifyReply {
  return sendProblem(reply, request, 404, {
    slug: 'route-not-found',
    detail: say('problem.noRoute', requestLanguage(request)),
  });
}

/**
 * The problem an error answers, decided in one place: the error handler sends it, and a route
 * that streams (the import's progress) writes it as its last line. Logs what needs logging.
 */
export function problemFor(error: FastifyError, request: FastifyRequest): { status: number; problem: Problem } {
  const language = requestLanguage(request);
  const detail = (code: PlainCode) => say(code, language);
  const build = (status: number, body: ProblemParts) => ({
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
      detail: detail('problem.validation'),
      errors: error.validation.map((issue) => ({
        path: `${where}${issue.instancePath === '/' ? '' : issue.instancePath.replaceAll('/', '.')}`,
        message: localizeIssue({ code: issue.keyword, message: issue.message ?? '', params: issue.params }, language),
      })),
    });
  }

  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    return build(503, { slug: 'unavailable', detail: detail('problem.unavailable') });
  }

  // PostgreSQL broke a deadlock (or a serialisation race) by rolling this transaction back:
  // nothing was written, and trying again is the cure — not a bug, so no 500.
  if (isTransactionConflict(error)) {
    request.log.warn({ err: error }, 'transaction conflict');
    return build(503, { slug: 'conflict', detail: detail('problem.conflict') });
  }

  // A character PostgreSQL cannot store that got past the shared text rule: the input's fault.
  if (isUnstorableCharacter(error)) return build(400, { slug: 'validation', detail: detail('problem.validation') });

  // Fastify's own client errors (bad JSON, wrong content type, body too large, …): their
  // status is right, their message may echo input, so only the generic title goes out.
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) return build(status, {});

  request.log.error({ err: error }, 'unhandled error');
  return build(500, { detail: detail('problem.internal') });
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
