import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { lineItemListSchema, lineItemSchema } from '@ikt/shared/line-item.schema';
import { subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, subProgrammesOf } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

const { lead, itc } = demoAppForFile({ lead: leadOf('FD'), itc: ITC_FINANCE });
let subProgrammeId: number;

beforeAll(async () => {
  const open = await cycleIdWithStatus(lead, 'open');
  subProgrammeId = (await subProgrammesOf(lead, open))[0]!.id;
});

describe('optimistic concurrency', () => {
  it('20 concurrent PATCHes with the same If-Match: exactly one wins, 19 answer 412, one audit event', async () => {
    const [item] = lineItemListSchema.parse(
      (await lead.get(`/api/sub-programmes/${subProgrammeId}/line-items`)).json(),
    );
    const etag = `"${item!.version}"`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        lead.patch(`/api/line-items/${item!.id}`, { amounts: { '2027': `${1000 + n}.00` } }, { 'if-match': etag }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    for (const refused of responses.filter((r) => r.statusCode === 412)) expectProblem(refused, 412);

    const winner = lineItemSchema.parse(responses.find((r) => r.statusCode === 200)!.json());
    const stored = lineItemSchema.parse((await lead.get(`/api/line-items/${item!.id}`)).json());
    expect(stored.amounts['2027']).toBe(winner.amounts['2027']);
    expect(stored.version).toBe(item!.version + 1);

    const events = auditEventListSchema.parse(
      (await itc.get(`/api/audit?entityType=line_item&entityId=${item!.id}`)).json(),
    );
    expect(events.filter((e) => e.action === 'lineItem.update')).toHaveLength(1);
  });
});

describe('submitting', () => {
  it('is refused with every problem of every item listed, and changes nothing', async () => {
    const broken = [
      // mandatory without legal basis, no business need, no impact, no amount
      { title: 'Bez pamatojuma', ekkCode: '2251', costNature: 'maintenance', priority: 'mandatory' },
      // development without a goal
      {
        title: 'Bez mērķa',
        ekkCode: '5121',
        costNature: 'development',
        priority: 'low',
        businessNeed: 'Vajag.',
        impactIfCut: 'Nebūs.',
        amounts: { '2027': '10.00' },
      },
    ];
    const ids: number[] = [];
    for (const body of broken) {
      const created = await lead.post(`/api/sub-programmes/${subProgrammeId}/line-items`, body);
      expect(created.statusCode, created.body).toBe(201);
      ids.push(lineItemSchema.parse(created.json()).id);
    }
    const before = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json());

    const problem = expectProblem(await lead.post(`/api/sub-programmes/${subProgrammeId}/submit`), 422);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(
      [
        `lineItems.${ids[0]}.amounts`,
        `lineItems.${ids[0]}.businessNeed`,
        `lineItems.${ids[0]}.impactIfCut`,
        `lineItems.${ids[0]}.legalBasis`,
        `lineItems.${ids[1]}.goalCodes`,
      ].sort(),
    );
    for (const error of problem.errors!) expect(error.message.length).toBeGreaterThan(5);

    const after = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json());
    expect(after).toEqual(before);

    // Fixing the problems lets it through.
    for (const id of ids) {
      const current = lineItemSchema.parse((await lead.get(`/api/line-items/${id}`)).json());
      const fixed = await lead.patch(
        `/api/line-items/${id}`,
        {
          businessNeed: 'Nodrošina procesu.',
          impactIfCut: 'Process apstājas.',
          legalBasis: 'Pašvaldību likums',
          goalCodes: ['M1'],
          amounts: { '2027': '10.00' },
        },
        { 'if-match': `"${current.version}"` },
      );
      expect(fixed.statusCode, fixed.body).toBe(200);
    }
    const submitted = await lead.post(`/api/sub-programmes/${subProgrammeId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);

    // Once submitted, the institution cannot change it until ITC returns it.
    const item = lineItemSchema.parse((await lead.get(`/api/line-items/${ids[0]}`)).json());
    expectProblem(
      await lead.patch(`/api/line-items/${ids[0]}`, { title: 'Vēlāk' }, { 'if-match': `"${item.version}"` }),
      409,
    );
  });
});

describe('audit search', () => {
  it('filters by actor and time, and is closed to institution leads', async () => {
    const me = (await lead.get('/api/auth/me')).json() as { user: { id: number } };
    const since = new Date(Date.now() - 60_000).toISOString();
    const events = auditEventListSchema.parse(
      (await itc.get(`/api/audit?actorId=${me.user.id}&from=${encodeURIComponent(since)}`)).json(),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.actorId))).toEqual(new Set([me.user.id]));
    expect(events.every((e) => e.requestId)).toBe(true);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await itc.get(`/api/audit?from=${encodeURIComponent(future)}`)).json()).toEqual([]);
    expectProblem(await lead.get('/api/audit'), 403);
  });
});
