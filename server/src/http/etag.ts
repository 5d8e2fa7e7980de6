import type { FastifyReply, FastifyRequest } from 'fastify';
import { PreconditionFailedError, PreconditionRequiredError } from '../errors';
import { message } from '../messages/message';

export function setETag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/** What a PATCH or DELETE said it was based on: `If-Match: "<version>"`, absent, or unreadable. */
export type ExpectedVersion = number | 'missing' | 'unreadable';

export function expectedVersion(request: FastifyRequest): ExpectedVersion {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') return 'missing';
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  return match ? Number(match[1]) : 'unreadable';
}

/**
 * Checked by a service after it has found the record visible and the change allowed (so another
 * institution's item stays a 404): missing → 428; not the current version → 412.
 */
export function ensureVersion(expected: ExpectedVersion, current: number): void {
  if (expected === 'missing') throw new PreconditionRequiredError(message('request.versionRequired'));
  if (expected !== current) throw staleVersion();
}

export function staleVersion(): PreconditionFailedError {
  return new PreconditionFailedError(message('request.versionStale'));
}
