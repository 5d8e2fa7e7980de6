import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema, type AuditEvent } from '@ikt/shared/audit.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ADMIN, ITC_FINANCE, cycleIdWithStatus } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/** GET /api/audit as the audit-log page reads it: by action, and page after page of older events. */
const { t, itc, admin } = demoAppForFile({ itc: ITC_FINANCE, admin: ADMIN });
let cycleId: number;

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
  // Something to read: two transitions, and the sign-ins of every client.
  for (const to of ['review', 'open']) {
    expect((await itc.post(`/api/cycles/${cycleId}/transition`, { to })).statusCode).toBe(200);
  }
  for (const email of ['lead.iksd@riga.example', 'council@riga.example', 'fd@riga.example']) await t.signIn(email);
});

async function events(client: TestClient, query: string): Promise<AuditEvent[]> {
  const response = await client.get(`/api/audit?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return auditEventListSchema.parse(response.json());
}

describe('the audit log', () => {
  it('filters by action, newest first', async () => {
    const transitions = await events(admin, 'action=cycle.transition');
    expect(transitions.map((e) => [e.action, e.before, e.after])).toEqual([
      ['cycle.transition', { status: 'review' }, { status: 'open' }],
      ['cycle.transition', { status: 'open' }, { status: 'review' }],
    ]);
    expect(transitions.every((e) => e.entityType === 'budget_cycle' && e.entityId === String(cycleId))).toBe(true);
    expect(await events(itc, 'action=no.such.action')).toEqual([]);
    const logins = await events(itc, 'action=auth.login&entityType=user');
    expect(logins.length).toBeGreaterThanOrEqual(5);
    expect(new Set(logins.map((e) => e.action))).toEqual(new Set(['auth.login']));
  });

  it('pages with beforeId: each page older than the last, none missed, none twice', async () => {
    const all = await events(itc, 'limit=1000');
    expect(all.length).toBeGreaterThanOrEqual(7);
    const paged: AuditEvent[] = [];
    let beforeId: string | undefined;
    for (;;) {
      const page = await events(itc, `limit=3${beforeId ? `&beforeId=${beforeId}` : ''}`);
      paged.push(...page);
      if (page.length < 3) break;
      beforeId = page[page.length - 1]!.id;
    }
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    // With another filter, the pages keep to it.
    const logins = await events(itc, 'action=auth.login&limit=2');
    const older = await events(itc, `action=auth.login&limit=1000&beforeId=${logins[1]!.id}`);
    expect(older.every((e) => e.action === 'auth.login' && BigInt(e.id) < BigInt(logins[1]!.id))).toBe(true);
    expect([...logins, ...older].map((e) => e.id)).toEqual(
      (await events(itc, 'action=auth.login&limit=1000')).map((e) => e.id),
    );
  });

  it('refuses a malformed page cursor or action, and stays closed to the other roles', async () => {
    for (const query of ['beforeId=abc', 'beforeId=0', 'beforeId=-5', `action=${'x'.repeat(101)}`]) {
      expectProblem(await itc.get(`/api/audit?${query}`), 400);
    }
    for (const email of ['lead.iksd@riga.example', 'council@riga.example', 'fd@riga.example']) {
      expectProblem(await (await t.signIn(email)).get('/api/audit?action=cycle.transition'), 403);
    }
  });
});
