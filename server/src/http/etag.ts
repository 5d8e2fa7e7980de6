import type { FastifyReply, FastifyRequest } from 'fastify';
import { PreconditionFailedError, PreconditionRequiredError } from '../errors';

export function setETag(reply: FastifyReply, version: number): void {
  reply.header('etag', `"${version}"`);
}

/**
 * The version a PATCH or DELETE was based on, from `If-Match: "<version>"`. Missing → 428;
 * anything that is not one of our ETags cannot match the current version → 412.
 */
export function requiredVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new PreconditionRequiredError({
      lv: 'Izmaiņām nepieciešama If-Match galvene ar ieraksta versiju (ETag).',
      en: 'Changes need an If-Match header with the record’s version (ETag).',
    });
  }
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw staleVersion();
  return Number(match[1]);
}

export function staleVersion(): PreconditionFailedError {
  return new PreconditionFailedError({
    lv: 'Ierakstu pa to laikam ir mainījis kāds cits. Ielādējiet jaunāko versiju un atkārtojiet izmaiņas.',
    en: 'Someone else changed this record meanwhile. Reload the latest version and apply your change again.',
  });
}
