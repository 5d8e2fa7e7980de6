import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { userSchema } from '@ikt/shared/auth.schema';
import { cycleListSchema, cycleSchema, rolloverResultSchema } from '@ikt/shared/cycle.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { commentSchema, lineItemBatchSchema, lineItemListSchema, lineItemSchema } from '@ikt/shared/line-item.schema';
import { institutionListSchema } from '@ikt/shared/reference.schema';
import { subProgrammeListSchema, subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';

/**
 * Who may do what, route by route (shared/src/permissions.ts, shared/src/editability.ts): every route × every
 * role → the status it must answer. A resource the actor may not see answers 404 (an institution
 * lead and another institution's sub-programmes and items; the Finance Department and cycles not
 * yet past `open`), also in lists, where it is simply absent; an action on a visible resource the
 * role may not take answers 403; anonymous requests answer 401. A 409 (state refusal) is expected
 * only of an actor the role rules allow.
 *
 * Denied requests run against fixed demo resources, which must come out unchanged; a write the
 * role may make runs on a fresh copy of its target in the state the request needs, so it is
 * valid (correct If-Match, valid body) and the fixed resources stay as they were.
 */

const ACTORS = ['anonymous', 'lead.ld', 'lead.iksd', 'itc', 'fd', 'council', 'admin'] as const;
type Actor = (typeof ACTORS)[number];
type SignedIn = Exclude<Actor, 'anonymous'>;

const EMAILS: Record<SignedIn, string> = {
  'lead.ld': 'lead.ld@riga.example',
  'lead.iksd': 'lead.iksd@riga.example',
  itc: 'itc.finance@riga.example',
  fd: 'fd@riga.example',
  council: 'council@riga.example',
  admin: 'admin@riga.example',
};
const LEAD_INSTITUTION: Partial<Record<Actor, string>> = { 'lead.ld': 'LD', 'lead.iksd': 'IKSD' };

/** A cell of the matrix: the status, or HIDDEN — a list answers 200 without the target in it. */
const HIDDEN = 'hidden';
type Cell = number | typeof HIDDEN;
type Cells = [Cell, Cell, Cell, Cell, Cell, Cell, Cell];

const T = {
  none: '—',
  openCycle: 'open cycle 2027',
  approvedCycle: 'approved cycle 2026',
  draftCycle: 'a draft cycle',
  ldOpen: 'LD sub-programme, open cycle',
  ldApproved: 'LD sub-programme, approved cycle',
  centralOpen: 'central (ITC) sub-programme, open cycle',
  user: 'user lead.sd',
} as const;
type Target = (typeof T)[keyof typeof T];

/** What a request needs to know of its target. */
interface Scope {
  cycleId?: number;
  year?: number;
  subProgrammeId?: number;
  itemId?: number;
  userId?: number;
  /** The owning institution of a budget target. */
  owner?: 'LD' | 'ITC';
}

function need<V>(value: V | undefined, what: string): V {
  if (value === undefined) throw new Error(`the target has no ${what}`);
  return value;
}

let t: TestApp;
const clients = new Map<Actor, TestClient>();
const as = (actor: Actor): TestClient => need(clients.get(actor), `client for ${actor}`);
const fixedScopes = new Map<Target, Scope>();
const fixed = (target: Target): Scope => need(fixedScopes.get(target), `fixed scope ${target}`);
/** Cycles in every status, for the transition table's denied rows. */
const probeCycles = new Map<CycleStatus, number>();
const institutionIds = new Map<string, number>();
let c2026: number;
let c2027: number;
let before: Record<string, unknown>;

let nextYear = 2101;
let nextCode = 1;
let nextUser = 1;

// ---------------------------------------------------------------------------------------------
// Fixtures

async function expectStatus(response: Promise<LightMyRequestResponse>, status: number): Promise<unknown> {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.statusCode === 204 ? undefined : answer.json();
}

/** The current ETag of a resource, read by ITC finance (who reads everything). */
async function etagOf(url: string): Promise<string> {
  const response = await as('itc').get(url);
  expect(response.statusCode, response.body).toBe(200);
  return String(need(response.headers.etag, `ETag of ${url}`));
}

const ROUTE_TO: Record<CycleStatus, CycleStatus[]> = {
  draft: [],
  open: ['open'],
  review: ['open', 'review'],
  consolidated: ['open', 'review', 'consolidated'],
  approved: ['open', 'review', 'consolidated', 'approved'],
  closed: ['open', 'review', 'consolidated', 'approved', 'closed'],
};

async function moveCycle(cycleId: number, to: CycleStatus): Promise<void> {
  const mover = to === 'approved' ? as('council') : as('itc');
  await expectStatus(mover.post(`/api/cycles/${cycleId}/transition`, { to }), 200);
}

/** A new empty cycle (based on 2026) brought to the status asked for by the roles that may. */
async function freshCycle(status: CycleStatus): Promise<{ cycleId: number; year: number }> {
  const year = nextYear++;
  const created = cycleSchema.parse(
    await expectStatus(
      as('itc').post('/api/cycles', { year, title: `Tiesību pārbaude ${year}`, baseCycleId: c2026 }),
      201,
    ),
  );
  for (const step of ROUTE_TO[status]) await moveCycle(created.id, step);
  return { cycleId: created.id, year };
}

function validItem(year: number, title = 'Pārbaudes pozīcija') {
  return {
    title,
    ekkCode: '5238',
    costNature: 'development',
    priority: 'medium',
    goalCodes: ['M1'],
    amounts: { [String(year)]: '1000.00' },
    businessNeed: 'Vajadzīgs pārbaudei.',
    impactIfCut: 'Pārbaude nenotiks.',
  };
}

/** A sub-programme of `owner` with one valid item, created by its owner in `cycleId`. */
async function newSubProgramme(owner: 'LD' | 'ITC', cycleId: number, year: number): Promise<Scope> {
  const creator = owner === 'LD' ? as('lead.ld') : as('itc');
  const code = `IKT.${owner}.T${nextCode++}`;
  const body =
    owner === 'LD' ? { code, name: 'Pārbaudes apakšprogramma' } : { code, name: 'Centrālā', kind: 'central' };
  const subProgramme = subProgrammeSchema.parse(
    await expectStatus(creator.post(`/api/cycles/${cycleId}/sub-programmes`, body), 201),
  );
  const item = lineItemSchema.parse(
    await expectStatus(
      creator.post(`/api/sub-programmes/${subProgramme.id}/line-items`, {
        ...validItem(year),
        // A central item names its ICT service (the submit rule).
        ...(owner === 'ITC' ? { ictServiceCode: 'DC' } : {}),
      }),
      201,
    ),
  );
  return { cycleId, year, subProgrammeId: subProgramme.id, itemId: item.id, owner };
}

/** A fresh copy of a budget target: `draft` (editable) or `submitted` (reviewable). */
async function freshBudget(target: Target, state: 'draft' | 'submitted'): Promise<Scope> {
  if (target === T.ldOpen || target === T.centralOpen) {
    const owner = target === T.ldOpen ? 'LD' : 'ITC';
    // There is one central sub-programme per cycle, so a fresh central one needs a fresh cycle.
    const cycle = owner === 'LD' ? { cycleId: c2027, year: 2027 } : await freshCycle('open');
    const scope = await newSubProgramme(owner, cycle.cycleId, cycle.year);
    if (state === 'submitted') {
      const submitter = owner === 'LD' ? as('lead.ld') : as('itc');
      await expectStatus(submitter.post(`/api/sub-programmes/${scope.subProgrammeId}/submit`), 200);
    }
    return scope;
  }
  if (target === T.ldApproved) {
    const cycle = await freshCycle('open');
    const scope = await newSubProgramme('LD', cycle.cycleId, cycle.year);
    await expectStatus(as('lead.ld').post(`/api/sub-programmes/${scope.subProgrammeId}/submit`), 200);
    await expectStatus(as('itc').post(`/api/sub-programmes/${scope.subProgrammeId}/accept`, {}), 200);
    for (const step of ['review', 'consolidated', 'approved'] as const) await moveCycle(cycle.cycleId, step);
    return scope;
  }
  throw new Error(`no fresh budget fixture for ${target}`);
}

async function freshCycleFor(target: Target): Promise<Scope> {
  const status: Record<string, CycleStatus> = {
    [T.openCycle]: 'open',
    [T.approvedCycle]: 'approved',
    [T.draftCycle]: 'draft',
  };
  return freshCycle(need(status[target], `cycle status of ${target}`));
}

async function freshUser(): Promise<Scope> {
  const user = userSchema.parse(
    await expectStatus(
      as('admin').post('/api/users', {
        email: `permissions.fixture.${nextUser++}@riga.example`,
        name: 'Pārbaudes lietotājs',
        role: 'council',
        password: 'fixture-password-2027',
      }),
      201,
    ),
  );
  return { userId: user.id };
}

// ---------------------------------------------------------------------------------------------
// Routes

type Send = (client: TestClient, scope: Scope, actor: Actor) => Promise<LightMyRequestResponse>;

interface RouteSpec {
  send: Send;
  /** A fresh copy of the target, for a write the actor may make. */
  fresh?: (target: Target) => Promise<Scope>;
  /** For a list: whether the target is in the answer. */
  lists?: (response: LightMyRequestResponse, scope: Scope) => boolean;
  /** After a 2xx: the change is the one asked for. */
  verify?: (response: LightMyRequestResponse, scope: Scope, actor: Actor) => Promise<void> | void;
}

const spUrl = (scope: Scope) => `/api/sub-programmes/${need(scope.subProgrammeId, 'sub-programme')}`;
const itemUrl = (scope: Scope) => `/api/line-items/${need(scope.itemId, 'item')}`;
const cycleUrl = (scope: Scope) => `/api/cycles/${need(scope.cycleId, 'cycle')}`;
const userUrl = (scope: Scope) => `/api/users/${need(scope.userId, 'user')}`;

const editable = (target: Target) => freshBudget(target, 'draft');
const reviewable = (target: Target) => freshBudget(target, 'submitted');

const ROUTES = {
  'GET /api/cycles': {
    send: (c) => c.get('/api/cycles'),
    lists: (r, s) => cycleListSchema.parse(r.json()).some((cycle) => cycle.id === s.cycleId),
  },
  'POST /api/cycles': {
    send: (c) => c.post('/api/cycles', { year: nextYear++, title: 'Jauns cikls' }),
    verify: (r) => expect(cycleSchema.parse(r.json()).status).toBe('draft'),
  },
  'GET /api/cycles/:id': {
    send: (c, s) => c.get(cycleUrl(s)),
    verify: (r, s) => expect(cycleSchema.parse(r.json()).id).toBe(s.cycleId),
  },
  'PATCH /api/cycles/:id': {
    send: async (c, s) => c.patch(cycleUrl(s), { title: 'Pārdēvēts cikls' }, { 'if-match': await etagOf(cycleUrl(s)) }),
    fresh: freshCycleFor,
    verify: (r) => expect(cycleSchema.parse(r.json()).title).toBe('Pārdēvēts cikls'),
  },
  'POST /api/cycles/:id/rollover': {
    send: (c, s) => c.post(`${cycleUrl(s)}/rollover`),
    fresh: freshCycleFor,
    verify: (r) => expect(rolloverResultSchema.parse(r.json()).itemsCopied).toBeGreaterThan(0),
  },
  'GET /api/cycles/:id/sub-programmes': {
    send: (c, s) => c.get(`${cycleUrl(s)}/sub-programmes`),
    lists: (r, s) => subProgrammeListSchema.parse(r.json()).some((sp) => sp.id === s.subProgrammeId),
  },
  'POST /api/cycles/:id/sub-programmes': {
    // The same body from everyone: an LD sub-programme (naming LD), or the central one.
    send: (c, s) =>
      c.post(
        `${cycleUrl(s)}/sub-programmes`,
        s.owner === 'ITC'
          ? { code: `IKT.ITC.N${nextCode++}`, name: 'Centrālā', kind: 'central' }
          : { code: `IKT.LD.N${nextCode++}`, name: 'Jauna', institutionId: institutionIds.get('LD') },
      ),
    fresh: async (target) =>
      target === T.centralOpen
        ? { ...(await freshCycle('open')), owner: 'ITC' as const } // one central per cycle
        : { ...fixed(target), subProgrammeId: undefined, itemId: undefined },
    verify: (r, s, actor) => {
      const created = subProgrammeSchema.parse(r.json());
      expect(created.cycleId).toBe(s.cycleId);
      // A lead's sub-programme is always its own institution's, whatever the body names.
      expect(created.institutionCode).toBe(LEAD_INSTITUTION[actor] ?? s.owner);
      expect(created.kind).toBe(s.owner === 'ITC' ? 'central' : 'institution');
    },
  },
  'GET /api/sub-programmes/:id': {
    send: (c, s) => c.get(spUrl(s)),
    verify: (r, s) => expect(subProgrammeSchema.parse(r.json()).id).toBe(s.subProgrammeId),
  },
  'PATCH /api/sub-programmes/:id': {
    send: async (c, s) => c.patch(spUrl(s), { name: 'Pārdēvēta' }, { 'if-match': await etagOf(spUrl(s)) }),
    fresh: editable,
    verify: (r) => expect(subProgrammeSchema.parse(r.json()).name).toBe('Pārdēvēta'),
  },
  'POST /api/sub-programmes/:id/submit': {
    send: (c, s) => c.post(`${spUrl(s)}/submit`),
    fresh: editable,
    verify: (r) => expect(subProgrammeSchema.parse(r.json()).status).toBe('submitted'),
  },
  'POST /api/sub-programmes/:id/return': {
    send: (c, s) => c.post(`${spUrl(s)}/return`, { comment: 'Lūdzu precizēt.' }),
    fresh: reviewable,
    verify: (r) => expect(subProgrammeSchema.parse(r.json()).status).toBe('returned'),
  },
  'POST /api/sub-programmes/:id/accept': {
    send: (c, s) => c.post(`${spUrl(s)}/accept`, {}),
    fresh: reviewable,
    verify: (r) => expect(subProgrammeSchema.parse(r.json()).status).toBe('accepted'),
  },
  'POST /api/sub-programmes/:id/withdraw': {
    send: (c, s) => c.post(`${spUrl(s)}/withdraw`),
    fresh: reviewable,
    verify: (r) => expect(subProgrammeSchema.parse(r.json()).status).toBe('draft'),
  },
  'GET /api/sub-programmes/:id/changes': { send: (c, s) => c.get(`${spUrl(s)}/changes`) },
  'GET /api/sub-programmes/:id/comments': { send: (c, s) => c.get(`${spUrl(s)}/comments`) },
  'GET /api/sub-programmes/:id/line-item-comments': {
    send: (c, s) => c.get(`${spUrl(s)}/line-item-comments`),
    verify: (r) => void commentSchema.array().parse(r.json()),
  },
  'GET /api/sub-programmes/:id/line-items': {
    send: (c, s) => c.get(`${spUrl(s)}/line-items`),
    verify: (r, s) => expect(lineItemListSchema.parse(r.json()).map((i) => i.id)).toContain(s.itemId),
  },
  'POST /api/sub-programmes/:id/line-items': {
    send: (c, s) => c.post(`${spUrl(s)}/line-items`, validItem(need(s.year, 'year'), 'Pievienota pozīcija')),
    fresh: editable,
    verify: (r, s) => expect(lineItemSchema.parse(r.json()).subProgrammeId).toBe(s.subProgrammeId),
  },
  'POST /api/sub-programmes/:id/line-items/batch': {
    send: (c, s) =>
      c.post(`${spUrl(s)}/line-items/batch`, {
        items: [validItem(need(s.year, 'year'), 'Ielīmēta 1'), validItem(need(s.year, 'year'), 'Ielīmēta 2')],
      }),
    fresh: editable,
    verify: (r, s) => {
      const { items } = lineItemBatchSchema.parse(r.json());
      expect(items.map((i) => [i.title, i.subProgrammeId])).toEqual([
        ['Ielīmēta 1', s.subProgrammeId],
        ['Ielīmēta 2', s.subProgrammeId],
      ]);
    },
  },
  'GET /api/line-items/:id': {
    send: (c, s) => c.get(itemUrl(s)),
    verify: (r, s) => expect(lineItemSchema.parse(r.json()).id).toBe(s.itemId),
  },
  'PATCH /api/line-items/:id': {
    send: async (c, s) => c.patch(itemUrl(s), { title: 'Labota pozīcija' }, { 'if-match': await etagOf(itemUrl(s)) }),
    fresh: editable,
    verify: (r) => expect(lineItemSchema.parse(r.json()).title).toBe('Labota pozīcija'),
  },
  'DELETE /api/line-items/:id': {
    send: async (c, s) => c.delete(itemUrl(s), { 'if-match': await etagOf(itemUrl(s)) }),
    fresh: editable,
    verify: async (_r, s) => {
      expectProblem(await as('itc').get(itemUrl(s)), 404);
    },
  },
  'POST /api/line-items/:id/review': {
    send: (c, s) => c.post(`${itemUrl(s)}/review`, { decision: 'accept' }),
    fresh: reviewable,
    verify: (r) => expect(lineItemSchema.parse(r.json()).reviewStatus).toBe('accepted'),
  },
  'GET /api/line-items/:id/comments': { send: (c, s) => c.get(`${itemUrl(s)}/comments`) },
  'POST /api/line-items/:id/comments': {
    send: (c, s) => c.post(`${itemUrl(s)}/comments`, { body: 'Jautājums par pozīciju.' }),
    fresh: editable,
    verify: (r, s) => expect(commentSchema.parse(r.json())).toMatchObject({ lineItemId: s.itemId, kind: 'comment' }),
  },
  'GET /api/line-items/:id/history': { send: (c, s) => c.get(`${itemUrl(s)}/history`) },
  'GET /api/audit': {
    send: (c) => c.get('/api/audit?limit=5'),
    verify: (r) => void auditEventListSchema.parse(r.json()),
  },
  'GET /api/users': {
    send: (c) => c.get('/api/users'),
    verify: (r) => expect(r.json()).toEqual(expect.arrayContaining([expect.objectContaining({ email: EMAILS.fd })])),
  },
  'POST /api/users': {
    send: (c) =>
      c.post('/api/users', {
        email: `permissions.${nextUser++}@riga.example`,
        name: 'Jauns lietotājs',
        role: 'council',
        password: 'another-password-2027',
      }),
    verify: (r) => expect(userSchema.parse(r.json()).role).toBe('council'),
  },
  'GET /api/users/:id': {
    send: (c, s) => c.get(userUrl(s)),
    verify: (r) => expect(userSchema.parse(r.json()).email).toBe('lead.sd@riga.example'),
  },
  'PATCH /api/users/:id': {
    send: (c, s) => c.patch(userUrl(s), { name: 'Pārdēvēts lietotājs' }),
    fresh: freshUser,
    verify: (r) => expect(userSchema.parse(r.json()).name).toBe('Pārdēvēts lietotājs'),
  },
} satisfies Record<string, RouteSpec>;
type Route = keyof typeof ROUTES;

// ---------------------------------------------------------------------------------------------
// The matrix. Columns: anonymous, lead.ld, lead.iksd, itc_finance, finance_viewer, council, admin.
// For the LD targets lead.ld is the owning institution's lead and lead.iksd another's; neither
// owns the central one. A 2xx write runs on a fresh copy of the target (see above).

// prettier-ignore
const MATRIX: [Route, Target, ...Cells][] = [
  //                                                          anon  ld    iksd  itc   fd    council admin
  ['GET /api/cycles', T.approvedCycle,                          401,  200,  200,  200,  200,  200,  200],
  ['GET /api/cycles', T.openCycle,                              401,  200,  200,  200,  HIDDEN, 200, 200],
  ['GET /api/cycles', T.draftCycle,                             401,  200,  200,  200,  HIDDEN, 200, 200],
  ['POST /api/cycles', T.none,                                  401,  403,  403,  201,  403,  403,  403],
  ['GET /api/cycles/:id', T.approvedCycle,                      401,  200,  200,  200,  200,  200,  200],
  ['GET /api/cycles/:id', T.openCycle,                          401,  200,  200,  200,  404,  200,  200],
  ['GET /api/cycles/:id', T.draftCycle,                         401,  200,  200,  200,  404,  200,  200],
  ['PATCH /api/cycles/:id', T.approvedCycle,                    401,  403,  403,  200,  403,  403,  403],
  ['PATCH /api/cycles/:id', T.openCycle,                        401,  403,  403,  200,  404,  403,  403],
  ['PATCH /api/cycles/:id', T.draftCycle,                       401,  403,  403,  200,  404,  403,  403],
  ['POST /api/cycles/:id/rollover', T.approvedCycle,            401,  403,  403,  409,  403,  403,  403],
  ['POST /api/cycles/:id/rollover', T.openCycle,                401,  403,  403,  409,  404,  403,  403],
  ['POST /api/cycles/:id/rollover', T.draftCycle,               401,  403,  403,  200,  404,  403,  403],

  ['GET /api/cycles/:id/sub-programmes', T.ldOpen,              401,  200,  HIDDEN, 200, 404,  200,  200],
  ['GET /api/cycles/:id/sub-programmes', T.ldApproved,          401,  200,  HIDDEN, 200, 200,  200,  200],
  ['GET /api/cycles/:id/sub-programmes', T.centralOpen,         401,  HIDDEN, HIDDEN, 200, 404, 200, 200],
  ['POST /api/cycles/:id/sub-programmes', T.ldOpen,             401,  201,  422,  201,  404,  403,  403],
  ['POST /api/cycles/:id/sub-programmes', T.ldApproved,         401,  409,  409,  409,  403,  403,  403],
  ['POST /api/cycles/:id/sub-programmes', T.centralOpen,        401,  403,  403,  201,  404,  403,  403],

  ['GET /api/sub-programmes/:id', T.ldOpen,                     401,  200,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id', T.ldApproved,                 401,  200,  404,  200,  200,  200,  200],
  ['GET /api/sub-programmes/:id', T.centralOpen,                401,  404,  404,  200,  404,  200,  200],
  ['PATCH /api/sub-programmes/:id', T.ldOpen,                   401,  200,  404,  403,  404,  403,  403],
  ['PATCH /api/sub-programmes/:id', T.ldApproved,               401,  409,  404,  403,  403,  403,  403],
  ['PATCH /api/sub-programmes/:id', T.centralOpen,              401,  404,  404,  200,  404,  403,  403],
  ['POST /api/sub-programmes/:id/submit', T.ldOpen,             401,  200,  404,  403,  404,  403,  403],
  ['POST /api/sub-programmes/:id/submit', T.ldApproved,         401,  409,  404,  403,  403,  403,  403],
  ['POST /api/sub-programmes/:id/submit', T.centralOpen,        401,  404,  404,  200,  404,  403,  403],
  ['POST /api/sub-programmes/:id/return', T.ldOpen,             401,  403,  404,  200,  404,  403,  403],
  ['POST /api/sub-programmes/:id/return', T.ldApproved,         401,  403,  404,  409,  403,  403,  403],
  ['POST /api/sub-programmes/:id/return', T.centralOpen,        401,  404,  404,  200,  404,  403,  403],
  ['POST /api/sub-programmes/:id/accept', T.ldOpen,             401,  403,  404,  200,  404,  403,  403],
  ['POST /api/sub-programmes/:id/accept', T.ldApproved,         401,  403,  404,  409,  403,  403,  403],
  ['POST /api/sub-programmes/:id/accept', T.centralOpen,        401,  404,  404,  200,  404,  403,  403],
  ['POST /api/sub-programmes/:id/withdraw', T.ldOpen,           401,  200,  404,  403,  404,  403,  403],
  ['POST /api/sub-programmes/:id/withdraw', T.ldApproved,       401,  409,  404,  403,  403,  403,  403],
  ['POST /api/sub-programmes/:id/withdraw', T.centralOpen,      401,  404,  404,  200,  404,  403,  403],
  ['GET /api/sub-programmes/:id/changes', T.ldOpen,             401,  200,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/changes', T.ldApproved,         401,  200,  404,  200,  200,  200,  200],
  ['GET /api/sub-programmes/:id/changes', T.centralOpen,        401,  404,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/comments', T.ldOpen,            401,  200,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/comments', T.ldApproved,        401,  200,  404,  200,  200,  200,  200],
  ['GET /api/sub-programmes/:id/comments', T.centralOpen,       401,  404,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/line-item-comments', T.ldOpen,   401,  200,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/line-item-comments', T.ldApproved, 401, 200, 404,  200,  200,  200,  200],
  ['GET /api/sub-programmes/:id/line-item-comments', T.centralOpen, 401, 404, 404, 200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/line-items', T.ldOpen,          401,  200,  404,  200,  404,  200,  200],
  ['GET /api/sub-programmes/:id/line-items', T.ldApproved,      401,  200,  404,  200,  200,  200,  200],
  ['GET /api/sub-programmes/:id/line-items', T.centralOpen,     401,  404,  404,  200,  404,  200,  200],
  ['POST /api/sub-programmes/:id/line-items', T.ldOpen,         401,  201,  404,  403,  404,  403,  403],
  ['POST /api/sub-programmes/:id/line-items', T.ldApproved,     401,  409,  404,  403,  403,  403,  403],
  ['POST /api/sub-programmes/:id/line-items', T.centralOpen,    401,  404,  404,  201,  404,  403,  403],
  ['POST /api/sub-programmes/:id/line-items/batch', T.ldOpen,      401,  201,  404,  403,  404,  403,  403],
  ['POST /api/sub-programmes/:id/line-items/batch', T.ldApproved,  401,  409,  404,  403,  403,  403,  403],
  ['POST /api/sub-programmes/:id/line-items/batch', T.centralOpen, 401,  404,  404,  201,  404,  403,  403],

  ['GET /api/line-items/:id', T.ldOpen,                         401,  200,  404,  200,  404,  200,  200],
  ['GET /api/line-items/:id', T.ldApproved,                     401,  200,  404,  200,  200,  200,  200],
  ['GET /api/line-items/:id', T.centralOpen,                    401,  404,  404,  200,  404,  200,  200],
  ['PATCH /api/line-items/:id', T.ldOpen,                       401,  200,  404,  403,  404,  403,  403],
  ['PATCH /api/line-items/:id', T.ldApproved,                   401,  409,  404,  403,  403,  403,  403],
  ['PATCH /api/line-items/:id', T.centralOpen,                  401,  404,  404,  200,  404,  403,  403],
  ['DELETE /api/line-items/:id', T.ldOpen,                      401,  204,  404,  403,  404,  403,  403],
  ['DELETE /api/line-items/:id', T.ldApproved,                  401,  409,  404,  403,  403,  403,  403],
  ['DELETE /api/line-items/:id', T.centralOpen,                 401,  404,  404,  204,  404,  403,  403],
  ['POST /api/line-items/:id/review', T.ldOpen,                 401,  403,  404,  200,  404,  403,  403],
  ['POST /api/line-items/:id/review', T.ldApproved,             401,  403,  404,  409,  403,  403,  403],
  ['POST /api/line-items/:id/review', T.centralOpen,            401,  404,  404,  200,  404,  403,  403],
  ['GET /api/line-items/:id/comments', T.ldOpen,                401,  200,  404,  200,  404,  200,  200],
  ['GET /api/line-items/:id/comments', T.ldApproved,            401,  200,  404,  200,  200,  200,  200],
  ['GET /api/line-items/:id/comments', T.centralOpen,           401,  404,  404,  200,  404,  200,  200],
  ['POST /api/line-items/:id/comments', T.ldOpen,               401,  201,  404,  201,  404,  201,  403],
  ['POST /api/line-items/:id/comments', T.ldApproved,           401,  201,  404,  201,  403,  201,  403],
  ['POST /api/line-items/:id/comments', T.centralOpen,          401,  404,  404,  201,  404,  201,  403],
  ['GET /api/line-items/:id/history', T.ldOpen,                 401,  200,  404,  200,  404,  200,  200],
  ['GET /api/line-items/:id/history', T.ldApproved,             401,  200,  404,  200,  200,  200,  200],
  ['GET /api/line-items/:id/history', T.centralOpen,            401,  404,  404,  200,  404,  200,  200],

  ['GET /api/audit', T.none,                                    401,  403,  403,  200,  403,  403,  200],
  ['GET /api/users', T.none,                                    401,  403,  403,  403,  403,  403,  200],
  ['POST /api/users', T.none,                                   401,  403,  403,  403,  403,  403,  201],
  ['GET /api/users/:id', T.user,                                401,  403,  403,  403,  403,  403,  200],
  ['PATCH /api/users/:id', T.user,                              401,  403,  403,  403,  403,  403,  200],
];

/**
 * POST /api/cycles/:id/transition, every transition a cycle makes (CYCLE_TRANSITIONS) from a cycle
 * in its `from` status: only the role the transition names may make it. The last two rows ask for
 * a transition that does not exist: the role that moves cycles *to* that status (council approves,
 * ITC closes) is refused by the state (409); a role that never takes that action is refused as
 * such (403), like every other action on a visible resource the role may not take.
 */
// prettier-ignore
const TRANSITIONS: [CycleStatus, CycleStatus, ...Cells][] = [
  //                               anon  ld    iksd  itc   fd    council admin
  ['draft', 'open',                401,  403,  403,  200,  404,  403,  403],
  ['open', 'review',               401,  403,  403,  200,  404,  403,  403],
  ['review', 'open',               401,  403,  403,  200,  403,  403,  200],
  ['review', 'consolidated',       401,  403,  403,  200,  403,  403,  403],
  ['consolidated', 'review',       401,  403,  403,  200,  403,  403,  200],
  ['consolidated', 'approved',     401,  403,  403,  403,  403,  200,  403],
  ['approved', 'closed',           401,  403,  403,  200,  403,  403,  403],
  ['approved', 'open',             401,  403,  403,  403,  403,  403,  200],
  ['closed', 'open',               401,  403,  403,  403,  403,  403,  200],
  ['open', 'approved',             401,  403,  403,  403,  404,  409,  403],
  ['draft', 'closed',              401,  403,  403,  409,  404,  403,  403],
];

function who(actor: Actor, target: Target): string {
  const owner = target === T.ldOpen || target === T.ldApproved ? 'LD' : target === T.centralOpen ? 'ITC' : null;
  switch (actor) {
    case 'anonymous':
      return 'anonymous';
    case 'lead.ld':
      if (owner === 'LD') return 'lead.ld (its own institution’s lead)';
      return owner === 'ITC' ? 'lead.ld (an institution lead, not the owner)' : 'lead.ld (institution lead)';
    case 'lead.iksd':
      return owner ? 'lead.iksd (another institution’s lead)' : 'lead.iksd (institution lead)';
    case 'itc':
      return 'itc.finance (itc_finance)';
    case 'fd':
      return 'fd (finance_viewer)';
    case 'council':
      return 'council';
    case 'admin':
      return 'admin';
  }
}

const isWrite = (route: string) => !route.startsWith('GET ');
const allowedWrite = (route: string, cell: Cell) => isWrite(route) && typeof cell === 'number' && cell < 300;

function outcome(route: Route, cell: Cell): string {
  const spec: RouteSpec = ROUTES[route];
  if (cell === HIDDEN) return '200 without the target';
  if (spec.lists && cell === 200) return '200 with the target';
  if (allowedWrite(route, cell) && spec.fresh) return `${cell} (on a fresh copy)`;
  return String(cell);
}

async function expectOutcome(
  response: LightMyRequestResponse,
  cell: Cell,
  spec: RouteSpec,
  scope: Scope,
  actor: Actor,
): Promise<void> {
  if (cell === HIDDEN || (spec.lists && cell === 200)) {
    expect(response.statusCode, response.body).toBe(200);
    expect(need(spec.lists, 'list check')(response, scope)).toBe(cell === 200);
    return;
  }
  if (cell >= 400) {
    expectProblem(response, cell);
    return;
  }
  expect(response.statusCode, response.body).toBe(cell);
  await spec.verify?.(response, scope, actor);
}

// ---------------------------------------------------------------------------------------------

/** Everything of the fixed targets a denied request might have changed, as ITC finance reads it. */
async function snapshot(): Promise<Record<string, unknown>> {
  const read = async (url: string): Promise<unknown> => {
    const response = await as('itc').get(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json();
  };
  const result: Record<string, unknown> = {};
  for (const id of [c2026, c2027, ...probeCycles.values()]) result[`cycle ${id}`] = await read(`/api/cycles/${id}`);
  for (const target of [T.ldOpen, T.ldApproved, T.centralOpen]) {
    const scope = fixed(target);
    result[`${target}`] = await read(spUrl(scope));
    result[`${target} comments`] = await read(`${spUrl(scope)}/comments`);
    const items = lineItemListSchema.parse(await read(`${spUrl(scope)}/line-items`));
    result[`${target} items`] = items;
    for (const item of items) {
      result[`item ${item.id} comments`] = await read(`/api/line-items/${item.id}/comments`);
      result[`item ${item.id} history`] = await read(`/api/line-items/${item.id}/history`);
    }
  }
  const admin = await as('admin').get(userUrl(fixed(T.user)));
  result.user = admin.json();
  return result;
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  clients.set('anonymous', t.anonymous);
  for (const actor of ACTORS) if (actor !== 'anonymous') clients.set(actor, await t.signIn(EMAILS[actor]));

  for (const institution of institutionListSchema.parse((await as('itc').get('/api/institutions')).json())) {
    institutionIds.set(institution.code, institution.id);
  }
  const cycles = cycleListSchema.parse((await as('itc').get('/api/cycles')).json());
  c2026 = need(
    cycles.find((c) => c.year === 2026 && c.status === 'approved'),
    'cycle 2026',
  ).id;
  c2027 = need(
    cycles.find((c) => c.year === 2027 && c.status === 'open'),
    'cycle 2027',
  ).id;

  const budgetTarget = async (cycleId: number, year: number, code: string, owner: 'LD' | 'ITC'): Promise<Scope> => {
    const list = subProgrammeListSchema.parse((await as('itc').get(`/api/cycles/${cycleId}/sub-programmes`)).json());
    const subProgramme = need(
      list.find((sp) => sp.code === code),
      `${code} in ${year}`,
    );
    const items = lineItemListSchema.parse(
      (await as('itc').get(`/api/sub-programmes/${subProgramme.id}/line-items`)).json(),
    );
    return { cycleId, year, subProgrammeId: subProgramme.id, itemId: need(items[0], `an item of ${code}`).id, owner };
  };
  fixedScopes.set(T.none, {});
  fixedScopes.set(T.openCycle, { cycleId: c2027, year: 2027 });
  fixedScopes.set(T.approvedCycle, { cycleId: c2026, year: 2026 });
  fixedScopes.set(T.ldOpen, await budgetTarget(c2027, 2027, 'IKT.LD.01', 'LD'));
  fixedScopes.set(T.ldApproved, await budgetTarget(c2026, 2026, 'IKT.LD.01', 'LD'));
  fixedScopes.set(T.centralOpen, await budgetTarget(c2027, 2027, 'IKT.ITC.01', 'ITC'));
  const users = userSchema.array().parse((await as('admin').get('/api/users')).json());
  fixedScopes.set(T.user, {
    userId: need(
      users.find((u) => u.email === 'lead.sd@riga.example'),
      'lead.sd',
    ).id,
  });

  probeCycles.set('open', c2027);
  probeCycles.set('approved', c2026);
  for (const status of ['review', 'consolidated', 'closed'] as const) {
    probeCycles.set(status, (await freshCycle(status)).cycleId);
  }
  const draft = await freshCycle('draft');
  probeCycles.set('draft', draft.cycleId);
  fixedScopes.set(T.draftCycle, draft);

  before = await snapshot();
});
afterAll(async () => {
  await t?.close();
});

describe.each(MATRIX.map(([route, target, ...cells]) => ({ route, target, cells })))(
  '$route — $target',
  ({ route, target, cells }) => {
    const spec: RouteSpec = ROUTES[route];
    it.each(
      ACTORS.map((actor, index) => ({ actor, cell: cells[index]!, who: who(actor, target) })).map((row) => ({
        ...row,
        outcome: outcome(route, row.cell),
      })),
    )('$who → $outcome', async ({ actor, cell }) => {
      const scope = allowedWrite(route, cell) && spec.fresh ? await spec.fresh(target) : fixed(target);
      const response = await spec.send(as(actor), scope, actor);
      await expectOutcome(response, cell, spec, scope, actor);
    });
  },
);

describe.each(TRANSITIONS.map(([from, to, ...cells]) => ({ from, to, cells })))(
  'POST /api/cycles/:id/transition — $from → $to',
  ({ from, to, cells }) => {
    it.each(ACTORS.map((actor, index) => ({ actor, cell: cells[index]!, who: who(actor, T.none) })))(
      '$who → $cell',
      async ({ actor, cell }) => {
        const cycleId =
          typeof cell === 'number' && cell < 300
            ? (await freshCycle(from)).cycleId
            : need(probeCycles.get(from), `a ${from} cycle`);
        const response = await as(actor).post(`/api/cycles/${cycleId}/transition`, { to });
        if (cell === HIDDEN) throw new Error('a transition answers no list');
        if (cell >= 400) {
          expectProblem(response, cell);
          return;
        }
        expect(response.statusCode, response.body).toBe(cell);
        expect(cycleSchema.parse(response.json()).status).toBe(to);
      },
    );
  },
);

/**
 * Strict schemas: nobody sets an owner, a status or a version through the API — an unknown field
 * is refused (400, naming it) even from the actor the route allows, with a correct If-Match.
 */
const STRICT: { route: string; actor: Actor; field: string; send: () => Promise<LightMyRequestResponse> }[] = [
  ...(['institutionId', 'status', 'version', 'kind', 'cycleId', 'code'] as const).map((field) => ({
    route: 'PATCH /api/sub-programmes/:id (LD, open)',
    actor: 'lead.ld' as const,
    field,
    send: async () => {
      const url = spUrl(fixed(T.ldOpen));
      const value = {
        institutionId: institutionIds.get('IKSD'),
        status: 'accepted',
        version: 99,
        kind: 'central',
        cycleId: c2026,
        code: 'IKT.IKSD.99',
      }[field];
      return as('lead.ld').patch(url, { name: 'Pārņemta', [field]: value }, { 'if-match': await etagOf(url) });
    },
  })),
  ...(['reviewStatus', 'version', 'subProgrammeId', 'institutionId', 'carriedFromId', 'createdBy'] as const).map(
    (field) => ({
      route: 'PATCH /api/line-items/:id (LD, open)',
      actor: 'lead.ld' as const,
      field,
      send: async () => {
        const url = itemUrl(fixed(T.ldOpen));
        const value = {
          reviewStatus: 'accepted',
          version: 99,
          subProgrammeId: fixed(T.centralOpen).subProgrammeId,
          institutionId: institutionIds.get('IKSD'),
          carriedFromId: fixed(T.ldApproved).itemId,
          createdBy: 1,
        }[field];
        return as('lead.ld').patch(url, { title: 'Pārņemta', [field]: value }, { 'if-match': await etagOf(url) });
      },
    }),
  ),
  {
    route: 'PATCH /api/line-items/:id (central, open)',
    actor: 'itc',
    field: 'reviewStatus',
    send: async () => {
      const url = itemUrl(fixed(T.centralOpen));
      return as('itc').patch(url, { reviewStatus: 'accepted' }, { 'if-match': await etagOf(url) });
    },
  },
  ...(['status', 'version', 'year', 'baseCycleId'] as const).map((field) => ({
    route: 'PATCH /api/cycles/:id (open 2027)',
    actor: 'itc' as const,
    field,
    send: async () => {
      const url = cycleUrl(fixed(T.openCycle));
      const value = { status: 'approved', version: 99, year: 2030, baseCycleId: null }[field];
      return as('itc').patch(url, { title: 'Pārņemts', [field]: value }, { 'if-match': await etagOf(url) });
    },
  })),
  {
    route: 'POST /api/cycles/:id/sub-programmes (open 2027)',
    actor: 'lead.ld',
    field: 'status',
    send: () =>
      as('lead.ld').post(`${cycleUrl(fixed(T.openCycle))}/sub-programmes`, {
        code: 'IKT.LD.STRICT',
        name: 'Uzreiz pieņemta',
        status: 'accepted',
      }),
  },
  {
    route: 'POST /api/sub-programmes/:id/line-items (LD, open)',
    actor: 'lead.ld',
    field: 'reviewStatus',
    send: () =>
      as('lead.ld').post(`${spUrl(fixed(T.ldOpen))}/line-items`, { ...validItem(2027), reviewStatus: 'accepted' }),
  },
  {
    route: 'PATCH /api/users/:id (lead.sd)',
    actor: 'admin',
    field: 'email',
    send: () => as('admin').patch(userUrl(fixed(T.user)), { email: 'someone.else@riga.example' }),
  },
];

describe('strict request bodies', () => {
  it.each(STRICT)('$route as $actor with $field → 400', async ({ field, send }) => {
    const problem = expectProblem(await send(), 400);
    expect(problem.errors?.map((e) => e.message).join(' ')).toContain(field);
  });
});

describe('after every denied request', () => {
  it('the fixed targets (cycles 2026 and 2027, LD and central sub-programmes, items, comments, history) are unchanged', async () => {
    expect(await snapshot()).toEqual(before);
  });

  it('the Finance Department and another institution’s lead left no trace in the audit log but their sign-in', async () => {
    const users = userSchema.array().parse((await as('admin').get('/api/users')).json());
    const actions = async (email: string) => {
      const id = need(
        users.find((u) => u.email === email),
        email,
      ).id;
      const response = await as('admin').get(`/api/audit?actorId=${id}&limit=1000`);
      return new Set(auditEventListSchema.parse(response.json()).map((e) => e.action));
    };
    expect([...(await actions(EMAILS.fd))]).toEqual(['auth.login']);
    // IKSD's lead was refused LD's codes (422): every IKT.LD.… sub-programme is LD's.
    expect([...(await actions(EMAILS['lead.iksd']))].sort()).toEqual(['auth.login']);
    const ldCoded = subProgrammeListSchema
      .parse((await as('itc').get(`/api/cycles/${c2027}/sub-programmes`)).json())
      .filter((sp) => sp.code.startsWith('IKT.LD.N'));
    expect(new Set(ldCoded.map((sp) => sp.institutionCode))).toEqual(new Set(['LD']));
  });
});
