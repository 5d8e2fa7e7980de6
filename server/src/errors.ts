/**
 * Typed domain errors. Services throw them; the one error handler (plugins/problem.ts) turns
 * them into application/problem+json. Messages are shown to users, so they carry no internals.
 */
import type { Language } from '@ikt/shared/messages';

/** A message shown to a user, in both languages (a plain string is used for both). */
export type Localized = string | Record<Language, string>;

export function localize(text: Localized, language: Language): string {
  return typeof text === 'string' ? text : text[language];
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
    super(typeof detail === 'string' ? detail : detail.en);
    this.name = new.target.name;
  }

  /** Extra members of the problem body (RFC 9457 extensions), already in the answer's language. */
  get extensions(): Record<string, unknown> | undefined {
    return undefined;
  }
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly slug = 'unauthorized';
}
/** A failed sign-in: the same answer whether the email or the password was wrong. */
export class InvalidCredentialsError extends DomainError {
  readonly status = 401;
  readonly slug = 'invalid-credentials';
}
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly slug = 'too-many-requests';
  constructor(
    detail: Localized,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly slug = 'not-found';
}
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly slug = 'forbidden';
}
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly slug = 'conflict';
}
export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly slug = 'precondition-failed';
}
export class PreconditionRequiredError extends DomainError {
  readonly status = 428;
  readonly slug = 'precondition-required';
}
export class InvalidStateError extends DomainError {
  readonly status = 409;
  readonly slug = 'invalid-state';
}
export class ValidationError extends DomainError {
  readonly status = 422;
  readonly slug = 'validation';
}
