import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineItemListSchema } from '@ikt/shared/line-item.schema';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { multipartFile } from './spreadsheets-support';

/**
 * What a signed-in user may not read answers exactly as what does not exist: every route of the
 * OpenAPI document is called by a lead of one institution (A = LD) with the ids of objects it
 * cannot see — another institution's (B = ĪD's) sub-programmes and items, ITC's central ones, a
 * scenario, another user, another user's session — and with ids that do not exist, each with a
 * valid and an invalid body. Status and problem body (but for its instance and request id, and
 * the id itself wherever the text repeats it) must be the same, or the answer tells the lead that
 * the object is there.
 */

const LEAD_A = 'lead.ld@riga.example';
const LEAD_B = 'lead.id@riga.example';
const B_CODE = 'ĪD';
/** An id no row has (still a well-formed one, within PostgreSQL's integer). */
const MISSING_ID = '987654321';

interface Route {
  method: string;
  path: string;
  /** The path's parameters, in order. */
  params: string[];
  body: 'json' | 'multipart' | 'none';
}

let t: TestApp;
let lead: TestClient;
let routes: Route[];

/**
 * Per kind of object a path names (its collection in the path, then the parameter): the ids of
 * such objects the lead may not read, and one that names nothing.
 */
const hidden = new Map<string, { hiddenIds: string[]; missingId: string }>();

/**
 * Kinds every signed-in user reads in full (cycles and the reference lists): none is hidden from
 * the lead, so there is nothing to compare; a missing one must still be a clean problem answer.
 * The test checks below that the lead indeed reads them.
 */
const VISIBLE_TO_EVERYONE = new Map<string, { list: string; key: string; missingId: string }>([
  ['cycles/id', { list: '/api/cycles', key: 'id', missingId: MISSING_ID }],
  ['institutions/id', { list: '/api/institutions', key: 'id', missingId: MISSING_ID }],
  ['ekk-codes/code', { list: '/api/ekk-codes', key: 'code', missingId: '9998' }],
  ['ict-services/code', { list: '/api/ict-services', key: 'code', missingId: 'NO-SUCH-SERVICE' }],
  ['information-systems/code', { list: '/api/information-systems', key: 'code', missingId: 'NO-SUCH-SYSTEM' }],
  ['tbm-cost-pools/code', { list: '/api/tbm-cost-pools', key: 'code', missingId: 'NO_SUCH_POOL' }],
  ['tbm-towers/code', { list: '/api/tbm-towers', key: 'code', missingId: 'NO_SUCH_TOWER' }],
]);

/** `/api/scenarios/{id}/compare/{otherId}`, `otherId` → `scenarios/otherId`; `/api/auth/sessions/{id}` → `auth/sessions/id`. */
function kindOf(route: Route, param: string): string {
  const segments = route.path.split('/').slice(2);
  const at = segments.indexOf(`{${route.params[0]}}`);
  const collection = segments.slice(0, at).join('/');
  return `${collection}/${param === 'otherId' ? 'id' : param}`;
}

const LINE_ITEM = {
  title: 'Pārbaudes pozīcija',
  ekkCode: '2251',
  costNature: 'maintenance',
  priority: 'low',
  amounts: { '2027': '1.00' },
};

/**
 * A body the route would take from someone allowed to call it, per route with a JSON body. A
 * route that gains a body fails the test until it has one here.
 */
const VALID_BODIES: Record<string, unknown> = {
  'PATCH /api/ekk-codes/{code}': { nameEn: 'Renamed' },
  'PATCH /api/ict-services/{code}': { nameEn: 'Renamed' },
  'PATCH /api/information-systems/{code}': { functionEn: 'Renamed' },
  'PATCH /api/tbm-cost-pools/{code}': { nameEn: 'Renamed' },
  'PATCH /api/tbm-towers/{code}': { nameEn: 'Renamed' },
  'PATCH /api/institutions/{id}': { nameEn: 'Renamed' },
  'PATCH /api/cycles/{id}': { title: 'Pārdēvēts cikls' },
  'POST /api/cycles/{id}/transition': { to: 'review' },
  'POST /api/cycles/{id}/sub-programmes': { code: 'IKT.LD.99', name: 'Jauna apakšprogramma' },
  'PATCH /api/sub-programmes/{id}': { name: 'Pārdēvēta apakšprogramma' },
  'POST /api/sub-programmes/{id}/return': { comment: 'Lūdzu pārskatīt' },
  'POST /api/sub-programmes/{id}/accept': { comment: 'Pieņemts' },
  'POST /api/sub-programmes/{id}/line-items': LINE_ITEM,
  'POST /api/sub-programmes/{id}/line-items/batch': { items: [LINE_ITEM] },
  'PATCH /api/line-items/{id}': { title: 'Pārdēvēta pozīcija' },
  'POST /api/line-items/{id}/review': { decision: 'return', comment: 'Lūdzu pārskatīt' },
  'POST /api/line-items/{id}/comments': { body: 'Komentārs' },
  'PUT /api/line-items/{id}/proposal': { amounts: { '2027': '1.00' }, reasonCode: 'price_updated' },
  'POST /api/cycles/{id}/scenarios': {
    name: 'Pārbaude',
    fiscalYear: 2027,
    method: 'priority',
    target: { kind: 'percent', value: '5' },
  },
  'PUT /api/cycles/{id}/service-drivers': [{ serviceCode: 'WS', unitLv: 'darbstacijas', unitEn: 'workstations' }],
  'PUT /api/cycles/{id}/service-consumption': [
    { serviceCode: 'WS', institutionCode: 'LD', fiscalYear: 2027, quantity: '10' },
  ],
  'PUT /api/cycles/{id}/indicators': { municipalBudgetTotal: '1000000.00', ictUsers: 10, computers: 10, itStaff: 1 },
  'PATCH /api/users/{id}': { name: 'Pārdēvēts lietotājs' },
};

/** The lead's own sub-programme as a workbook: a real import file, uploaded to another id. */
let ownWorkbook: Buffer;

interface Variant {
  name: string;
  options: Omit<InjectOptions, 'method' | 'url'>;
}

/** The requests each route is called with: a valid body and an invalid one (or none, for a read). */
function variantsOf(route: Route): Variant[] {
  // A change names the version it was based on, as the client sends it.
  const ifMatch = route.method === 'GET' ? {} : { 'if-match': '"1"' };
  if (route.body === 'multipart') {
    const workbook = multipartFile(ownWorkbook);
    const notAWorkbook = multipartFile(Buffer.from('not a workbook'), 'import.xlsx');
    return [
      { name: 'valid workbook', options: { payload: workbook.payload, headers: { ...workbook.headers, ...ifMatch } } },
      {
        name: 'invalid workbook',
        options: { payload: notAWorkbook.payload, headers: { ...notAWorkbook.headers, ...ifMatch } },
      },
    ];
  }
  if (route.method === 'GET' || route.method === 'DELETE') return [{ name: 'no body', options: { headers: ifMatch } }];
  const json = { 'content-type': 'application/json', ...ifMatch };
  const invalid = { name: 'invalid body', options: { payload: '"not an object"', headers: json } };
  if (route.body === 'none') return [{ name: 'no body', options: { headers: ifMatch } }, invalid];
  const valid = VALID_BODIES[`${route.method} ${route.path}`];
  return [{ name: 'valid body', options: { payload: JSON.stringify(valid), headers: json } }, invalid];
}

/** `/api/line-items/{id}/comments` with `{ id: '5' }` → `/api/line-items/5/comments`. */
const urlOf = (route: Route, ids: Record<string, string>) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(ids[name]!));

/** What the lead learns from an answer: the status and the body, less what differs per request. */
function answerOf(response: LightMyRequestResponse, ids: Record<string, string>): unknown {
  const type = String(response.headers['content-type'] ?? '');
  if (!type.startsWith('application/problem+json')) return { status: response.statusCode, type, body: response.body };
  const { instance: _instance, requestId: _requestId, ...problem } = response.json() as Record<string, unknown>;
  // A message that repeats the id asked for differs by that id alone.
  let text = JSON.stringify(problem);
  for (const id of Object.values(ids)) text = text.replace(new RegExp(`\\b${id}\\b`, 'g'), '{id}');
  return { status: response.statusCode, type, body: JSON.parse(text) as unknown };
}

/** Every way of filling the route's parameters, each with a hidden or a missing id. */
function fillings(route: Route): Record<string, string>[] {
  let all: Record<string, string>[] = [{}];
  for (const param of route.params) {
    const kind = hidden.get(kindOf(route, param))!;
    all = all.flatMap((ids) => [...kind.hiddenIds, kind.missingId].map((id) => ({ ...ids, [param]: id })));
  }
  return all;
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  lead = await t.signIn(LEAD_A);
  const itc = await t.signIn('itc.finance@riga.example');
  const admin = await t.signIn('admin@riga.example');
  const leadB = await t.signIn(LEAD_B);

  const document = (await t.anonymous.get('/api/openapi.json')).json() as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string }[]; requestBody?: { content: object } }>
    >;
  };
  routes = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const content = Object.keys(operation.requestBody?.content ?? {});
      return {
        method: method.toUpperCase(),
        path,
        params: (operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        body: content.includes('application/json')
          ? ('json' as const)
          : path.endsWith('/import') || (method === 'post' && path.endsWith('.xlsx'))
            ? ('multipart' as const)
            : ('none' as const),
      };
    }),
  );

  // The fixture: the demo data's objects the lead of LD cannot read, in both demo cycles (the
  // previous one accepted, the current one open with drafts), and ITC's central ones.
  const cycles = (await itc.get('/api/cycles')).json() as { id: number; status: string }[];
  const subProgrammeIds: number[] = [];
  const lineItemIds: number[] = [];
  for (const cycle of cycles) {
    const all = subProgrammeListSchema.parse((await itc.get(`/api/cycles/${cycle.id}/sub-programmes`)).json());
    const others = [all.find((s) => s.institutionCode === B_CODE)!, all.find((s) => s.kind === 'central')!];
    for (const subProgramme of others) {
      subProgrammeIds.push(subProgramme.id);
      const items = lineItemListSchema.parse(
        (await itc.get(`/api/sub-programmes/${subProgramme.id}/line-items`)).json(),
      );
      lineItemIds.push(items[0]!.id);
    }
  }
  expect(subProgrammeIds).toHaveLength(4);
  const open = cycles.find((c) => c.status === 'open')!;
  const scenarioIds: number[] = [];
  for (const name of ['Samazinājums 5 %', 'Samazinājums 10 %']) {
    const created = await itc.post(`/api/cycles/${open.id}/scenarios`, {
      name,
      fiscalYear: 2027,
      method: 'priority',
      target: { kind: 'percent', value: name.includes('10') ? '10' : '5' },
    });
    expect(created.statusCode, created.body).toBe(201);
    scenarioIds.push((created.json() as { id: number }).id);
  }
  const users = (await admin.get('/api/users')).json() as { id: number; email: string }[];
  const sessionsOfB = (await leadB.get('/api/auth/sessions')).json() as { id: string }[];

  const ids = (values: readonly (number | string)[]) => values.map(String);
  hidden.set('sub-programmes/id', { hiddenIds: ids(subProgrammeIds), missingId: MISSING_ID });
  hidden.set('line-items/id', { hiddenIds: ids(lineItemIds), missingId: MISSING_ID });
  hidden.set('scenarios/id', { hiddenIds: ids(scenarioIds), missingId: MISSING_ID });
  hidden.set('users/id', {
    hiddenIds: ids(users.filter((u) => u.email === LEAD_B || u.email === 'admin@riga.example').map((u) => u.id)),
    missingId: MISSING_ID,
  });
  hidden.set('auth/sessions/id', { hiddenIds: ids(sessionsOfB.map((s) => s.id)), missingId: randomUUID() });
  // An institution's bill of IT within a cycle: another institution's, ITC's, one that does not exist.
  hidden.set('cycles/code', { hiddenIds: [B_CODE, 'ITC'], missingId: 'NOSUCH' });
  for (const [kind, { missingId }] of VISIBLE_TO_EVERYONE) hidden.set(kind, { hiddenIds: [], missingId });

  const own = subProgrammeListSchema
    .parse((await lead.get(`/api/cycles/${open.id}/sub-programmes`)).json())
    .find((s) => s.institutionCode === 'LD')!;
  const exported = await lead.get(`/api/sub-programmes/${own.id}/export.xlsx`);
  expect(exported.statusCode).toBe(200);
  ownWorkbook = exported.rawPayload;
});
afterAll(async () => {
  await t.close();
});

describe('a hidden object answers as a missing one', () => {
  it('knows every kind of object a path of the document names, and a valid body for every route that takes one', () => {
    const withParams = routes.filter((r) => r.params.length > 0);
    expect(withParams.length).toBeGreaterThan(40);
    const unknown = withParams.flatMap((r) => r.params.map((p) => kindOf(r, p))).filter((kind) => !hidden.has(kind));
    expect(unknown).toEqual([]);
    const withoutBody = withParams
      .filter((r) => r.body === 'json' && VALID_BODIES[`${r.method} ${r.path}`] === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(withoutBody).toEqual([]);
    for (const kind of hidden.keys()) {
      if (!VISIBLE_TO_EVERYONE.has(kind)) expect(hidden.get(kind)!.hiddenIds.length, kind).toBeGreaterThan(0);
    }
  });

  it('the kinds left out are ones the lead reads in full', async () => {
    for (const [kind, { list, key }] of VISIBLE_TO_EVERYONE) {
      const response = await lead.get(list);
      expect(response.statusCode, kind).toBe(200);
      expect((response.json() as Record<string, unknown>[]).length, kind).toBeGreaterThan(0);
      expect(Object.keys((response.json() as Record<string, unknown>[])[0]!), kind).toContain(key);
    }
  });

  it('answers every route the same for the ids of objects the lead cannot read as for ids that name nothing', async () => {
    const differences: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0)) {
      if (route.params.every((p) => VISIBLE_TO_EVERYONE.has(kindOf(route, p)))) continue;
      for (const variant of variantsOf(route)) {
        const answers = new Map<string, string[]>();
        for (const ids of fillings(route)) {
          const url = urlOf(route, ids);
          const response = await lead.request({ method: route.method as 'GET', url, ...variant.options });
          const answer = JSON.stringify(answerOf(response, ids));
          answers.set(answer, [...(answers.get(answer) ?? []), url]);
        }
        if (answers.size > 1) {
          differences.push(
            `${route.method} ${route.path} (${variant.name}):\n${[...answers]
              .map(([answer, urls]) => `    ${urls.join(' ')} → ${answer.slice(0, 300)}`)
              .join('\n')}`,
          );
        }
      }
    }
    expect(differences.join('\n')).toBe('');
  });

  it('answers a missing cycle or reference entry with a problem, never data or a server error', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => r.params.length > 0)) {
      if (!route.params.every((p) => VISIBLE_TO_EVERYONE.has(kindOf(route, p)))) continue;
      for (const variant of variantsOf(route)) {
        const ids = Object.fromEntries(route.params.map((p) => [p, hidden.get(kindOf(route, p))!.missingId]));
        const response = await lead.request({
          method: route.method as 'GET',
          url: urlOf(route, ids),
          ...variant.options,
        });
        const problem = String(response.headers['content-type']).startsWith('application/problem+json');
        if (![400, 403, 404].includes(response.statusCode) || !problem) {
          wrong.push(
            `${route.method} ${urlOf(route, ids)} (${variant.name}) → ${response.statusCode} ${response.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
