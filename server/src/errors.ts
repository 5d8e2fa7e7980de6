/**
 * Typed domain errors. Services throw them; the one error handler (plugins/problem.ts) turns
 * them into application/problem+json. Messages are shown to users, so they carry no internals.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly slug: string;
  constructor(
    message: string,
    readonly errors?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = new.target.name;
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
