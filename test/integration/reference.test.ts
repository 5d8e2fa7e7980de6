import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionDirectionListSchema,
  benchmarkListSchema,
  ekkCodeListSchema,
  goalListSchema,
  ictServiceListSchema,
  informationSystemListSchema,
  institutionListSchema,
} from '@ikt/shared/reference.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';

let t: TestApp;
let user: TestClient;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  user = await t.signIn('lead.ld@riga.example');
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) => user.get(url, headers);

describe('reference data', () => {
  it('lists the institutions with ITC first', async () => {
    const response = await get('/api/institutions');
    expect(response.statusCode).toBe(200);
    const institutions = institutionListSchema.parse(response.json());
    expect(institutions).toHaveLength(12);
    expect(institutions[0]).toMatchObject({ code: 'ITC', isItc: true });
    expect(institutions.map((i) => i.code)).toContain('ĪD');
  });

  it('lists EKK codes as a hierarchy, parents before their children', async () => {
    const codes = ekkCodeListSchema.parse((await get('/api/ekk-codes')).json());
    expect(codes).toHaveLength(40);
    const position = new Map(codes.map((c, index) => [c.code, index]));
    for (const code of codes) {
      if (code.parentCode === null) {
        expect(code.level).toBe(1);
      } else {
        const parent = codes[position.get(code.parentCode)!]!;
        expect(position.get(code.parentCode)!).toBeLessThan(position.get(code.code)!);
        expect(code.level).toBe(parent.level + 1);
      }
    }
    expect(codes.find((c) => c.code === '5238')).toMatchObject({ level: 4, selectable: true, parentCode: '5230' });
  });

  it('offers only leaf codes as selectable', async () => {
    const selectable = ekkCodeListSchema.parse((await get('/api/ekk-codes?selectable=true')).json());
    const all = ekkCodeListSchema.parse((await get('/api/ekk-codes')).json());
    const parents = new Set(all.map((c) => c.parentCode));
    expect(selectable.length).toBeGreaterThan(0);
    for (const code of selectable) expect(parents.has(code.code)).toBe(false);
    expect(selectable.map((c) => c.code)).not.toContain('2250');
  });

  it('lists goals, action directions, services, systems and benchmarks', async () => {
    const goals = goalListSchema.parse((await get('/api/goals')).json());
    expect(goals.map((g) => g.code)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7']);
    expect(goals[0]!.actionDirectionCodes).toEqual(['R1', 'R2']);
    const directions = actionDirectionListSchema.parse((await get('/api/action-directions')).json());
    expect(directions.find((d) => d.code === 'R5')!.goalCodes).toEqual(['M5', 'M6', 'M7']);
    expect(ictServiceListSchema.parse((await get('/api/ict-services')).json()).length).toBe(16);
    expect(informationSystemListSchema.parse((await get('/api/information-systems')).json()).length).toBe(27);
    const benchmarks = benchmarkListSchema.parse((await get('/api/benchmarks')).json());
    expect(benchmarks.find((b) => b.indicator === 'ict_central_budget_share')).toMatchObject({
      riga2015: '1.80',
      peerAverage: '3.00',
    });
  });
});

describe('bad requests', () => {
  it('answers a bad query parameter with a 400 problem naming it, in Latvian by default', async () => {
    const problem = expectProblem(await get('/api/ekk-codes?selectable=maybe'), 400);
    expect(problem.title).toBe('Nepareizs pieprasījums');
    expect(problem.errors).toEqual([
      { path: 'querystring.selectable', message: expect.stringContaining('true, false') },
    ]);
  });

  it('answers in English when asked', async () => {
    const problem = expectProblem(await get('/api/ekk-codes?unknown=1', { 'accept-language': 'en-GB,en;q=0.9' }), 400);
    expect(problem.title).toBe('Bad request');
    expect(problem.errors).toEqual([{ path: 'querystring', message: 'Unknown fields: unknown' }]);
  });

  it('answers 401 to reference data without a session', async () => {
    expectProblem(await t.anonymous.get('/api/institutions'), 401);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const problem = expectProblem(await get('/api/no-such-thing'), 404);
    expect(problem.type).toBe('urn:ikt-budzets:problem:route-not-found');
    expectProblem(await user.delete('/api/institutions'), 404);
  });
});

describe('operations', () => {
  it('reports health with the database up', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: 'up' });
    expect(response.headers['x-request-id']).toBeTruthy();
  });

  it('keeps a well-formed caller request id and replaces a malformed one', async () => {
    expect((await get('/api/health', { 'x-request-id': 'lb-1234' })).headers['x-request-id']).toBe('lb-1234');
    expect((await get('/api/health', { 'x-request-id': 'bad id!' })).headers['x-request-id']).not.toContain('bad');
  });

  it('publishes the OpenAPI document with every route and a browsable page', async () => {
    const document = (await get('/api/openapi.json')).json() as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/health',
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/institutions',
      '/api/ekk-codes',
      '/api/ekk-codes/{code}',
      '/api/goals',
      '/api/action-directions',
      '/api/ict-services',
      '/api/information-systems',
      '/api/benchmarks',
      '/api/cycles',
      '/api/cycles/{id}',
      '/api/cycles/{id}/transition',
      '/api/cycles/{id}/rollover',
      '/api/cycles/{id}/sub-programmes',
      '/api/sub-programmes/{id}',
      '/api/sub-programmes/{id}/submit',
      '/api/sub-programmes/{id}/return',
      '/api/sub-programmes/{id}/accept',
      '/api/sub-programmes/{id}/withdraw',
      '/api/sub-programmes/{id}/line-item-comments',
      '/api/sub-programmes/{id}/changes',
      '/api/sub-programmes/{id}/line-items',
      '/api/sub-programmes/{id}/line-items/batch',
      '/api/line-items/{id}',
      '/api/line-items/{id}/review',
      '/api/line-items/{id}/comments',
      '/api/line-items/{id}/history',
      '/api/audit',
      '/api/users',
      '/api/users/{id}',
    ]) {
      expect(document.paths).toHaveProperty([path]);
    }
    const page = await get('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
