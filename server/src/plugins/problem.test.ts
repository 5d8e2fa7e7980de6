import type { FastifyError, FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { problemFor } from './problem';

const request = {
  query: {},
  headers: { 'accept-language': 'en' },
  log: { warn: () => undefined, error: () => undefined },
} as unknown as FastifyRequest;

/** What pg raises for a NUL in text (22021) or in jsonb (22P05), message and all. */
const pgError = (code: string) =>
  Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code }) as unknown as FastifyError;

describe('problemFor', () => {
  it('answers a character PostgreSQL cannot store as the input’s fault (400), without its message', () => {
    for (const code of ['22021', '22P05']) {
      const { status, problem } = problemFor(pgError(code), request);
      expect(status).toBe(400);
      expect(problem.detail).toBe('The request data is not valid.');
      expect(JSON.stringify(problem)).not.toContain('UTF8');
    }
  });

  it('keeps any other database error a generic 500', () => {
    const { status, problem } = problemFor(pgError('XX000'), request);
    expect(status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('UTF8');
  });
});
