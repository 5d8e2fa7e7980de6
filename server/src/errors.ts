/**
 * Typed domain errors. Services throw them; the one error handler (plugins/problem.ts) turns
 * them into application/problem+json. Messages are shown to users, so they carry no internals.
 */
import type { Language } from '@ikt/shared/messages';
import { message, translate, type Message } from './messages/message';

/**
 * What an error says: a message of the server's catalogue (messages/), or wording made
 * elsewhere — the shared validation messages come in both languages, and a problem worded for
 * the request's language (an import's rows) is a plain string.
 */
export type Localized = Message | Record<Language, string> | string;

export function localize(text: Localized, language: Language): string {
  if (typeof text === 'string') return text;
  return 'code' in text ? translate(text, language) : text[language];
}

export interface FieldProblem {
  path: string;
  message: Localized;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  constructor(
    readonly detail: Localized,
    readonly errors?: FieldProblem[],
  ) {
    super(localize(detail, 'en'));
    this.name = new.target.name;
  }

  /** Extra members of the problem body (RFC 9457 extensions), already in the answer's language. */
  get extensions(): Record<string, unknown> | undefined {
    return undefined;
  }
}

/** A kind of domain error: its status and its problem type (the slug of `type`). */
export function problemKind(status: number, slug: string) {
  return class extends DomainError {
    readonly status = status;
    readonly slug = slug;
  };
}

export class UnauthorizedError extends problemKind(401, 'unauthorized') {}
/** A failed sign-in: the same answer whether the email or the password was wrong. */
export class InvalidCredentialsError extends problemKind(401, 'invalid-credentials') {}
export class ForbiddenError extends problemKind(403, 'forbidden') {}
export class NotFoundError extends problemKind(404, 'not-found') {}
export class ConflictError extends problemKind(409, 'conflict') {}
export class InvalidStateError extends problemKind(409, 'invalid-state') {}
export class PreconditionFailedError extends problemKind(412, 'precondition-failed') {}
export class ValidationError extends problemKind(422, 'validation') {}
export class PreconditionRequiredError extends problemKind(428, 'precondition-required') {}
export class TooManyRequestsError extends problemKind(429, 'too-many-requests') {
  constructor(
    detail: Localized,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}

/** A 422 naming one field: the message of the whole, and the field's own. */
export function fieldError(detail: Localized, path: string, fieldMessage: Localized): ValidationError {
  return new ValidationError(detail, [{ path, message: fieldMessage }]);
}

/**
 * A cycle the actor may not see, or that does not exist: the same answer, whichever module
 * refuses it (a lead asking for a cycle's consolidation before it is approved, too).
 */
export const cycleNotFound = () => new NotFoundError(message('cycle.notFound'));
