import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { problemSchema, type Problem } from '@ikt/shared/problem.schema';

/** Asserts a problem+json answer with this status that gives nothing of the server away. */
export function expectProblem(response: LightMyRequestResponse, status: number): Problem {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).not.toMatch(
    /\bat .+\.(ts|js):\d+|node_modules|SELECT |INSERT |UPDATE |password_hash|\/work\//i,
  );
  const problem = problemSchema.parse(response.json());
  expect(problem.status).toBe(status);
  return problem;
}
