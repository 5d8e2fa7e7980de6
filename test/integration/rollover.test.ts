import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { cycleListSchema, cycleSchema, rolloverResultSchema, type Cycle } from '@ikt/shared/cycle.schema';
import { lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import { subProgrammeListSchema, subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ADMIN, COUNCIL, FINANCE_DEPARTMENT, ITC_FINANCE, leadOf } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * A new planning year: ITC creates the 2028 cycle on the 2027 one, rolls the maintenance items
 * over (as drafts, amounts moved with the calendar), and opens it. Expectations are computed from
 * the 2027 items as the API answers them.
 */

const people = { itc: ITC_FINANCE, lead: leadOf('IKSD'), council: COUNCIL, fd: FINANCE_DEPARTMENT, admin: ADMIN };
const { t, itc, lead, council, fd, admin } = demoAppForFile(people);
let base: Cycle;
let approved: Cycle;
let cycle: Cycle;
let cutItemId: number;
let addedMaintenanceId: number;
let addedImplementationId: number;

interface Snapshot {
  subProgramme: SubProgramme;
  items: LineItem[];
}

/** Every sub-programme of a cycle with its items, as ITC reads them. */
async function cycleContents(cycleId: number): Promise<Snapshot[]> {
  const response = await itc.get(`/api/cycles/${cycleId}/sub-programmes`);
  expect(response.statusCode, response.body).toBe(200);
  const subProgrammes = subProgrammeListSchema.parse(response.json());
  return Promise.all(
    subProgrammes.map(async (subProgramme) => {
      const items = await itc.get(`/api/sub-programmes/${subProgramme.id}/line-items`);
      expect(items.statusCode, items.body).toBe(200);
      return { subProgramme, items: lineItemListSchema.parse(items.json()) };
    }),
  );
}

async function cycleById(id: number): Promise<Cycle> {
  return cycleSchema.parse((await itc.get(`/api/cycles/${id}`)).json());
}

async function cycleAudit(id: number) {
  const response = await itc.get(`/api/audit?entityType=budget_cycle&entityId=${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return auditEventListSchema.parse(response.json()).reverse();
}

/** A write that must be refused with `status`, leaving the cycle, its contents and its audit trail as they were. */
async function refused(cycleId: number, write: () => Promise<LightMyRequestResponse>, status: number) {
  const before = [await cycleById(cycleId), await cycleContents(cycleId), await cycleAudit(cycleId)];
  const problem = expectProblem(await write(), status);
  expect([await cycleById(cycleId), await cycleContents(cycleId), await cycleAudit(cycleId)]).toEqual(before);
  return problem;
}

beforeAll(async () => {
  const cycles = cycleListSchema.parse((await itc.get('/api/cycles')).json());
  base = cycles.find((c) => c.year === 2027)!;
  approved = cycles.find((c) => c.year === 2026)!;
  expect(base).toMatchObject({ status: 'open', fiscalYears: [2027, 2028, 2029], baseCycleId: approved.id });

  // The 2027 cycle gets the cases the demo data lacks: a maintenance item with a year left empty,
  // odd cents and two goals; an implementation item; and a maintenance item marked cut.
  const iksd = subProgrammeListSchema
    .parse((await lead.get(`/api/cycles/${base.id}/sub-programmes`)).json())
    .sort((a, b) => a.code.localeCompare(b.code));
  const [first, second] = iksd as [SubProgramme, SubProgramme];
  expect([first.code, second.code]).toEqual(['IKT.IKSD.01', 'IKT.IKSD.02']);
  const maintenance = await lead.post(`/api/sub-programmes/${first.id}/line-items`, {
    title: 'Skolu e-pasta licences',
    ekkCode: '2259',
    costNature: 'maintenance',
    priority: 'high',
    goalCodes: ['M3', 'M1'],
    actionDirectionCode: 'R2',
    ictServiceCode: 'LIC',
    quantity: '1200',
    unit: 'lic.',
    unitPrice: '0.9',
    amounts: { '2027': '1080.01', '2029': '1234567.89' },
    businessNeed: 'Skolotāji un skolēni sazinās e-pastā.',
    impactIfCut: 'E-pasts apstāsies.',
    calculationBasis: '1200 × 0,90',
  });
  expect(maintenance.statusCode, maintenance.body).toBe(201);
  addedMaintenanceId = lineItemSchema.parse(maintenance.json()).id;
  const implementation = await lead.post(`/api/sub-programmes/${first.id}/line-items`, {
    title: 'Jaunas skolu portāla versijas ieviešana',
    ekkCode: '5121',
    costNature: 'implementation',
    priority: 'medium',
    goalCodes: ['M1'],
    amounts: { '2027': '5000.00', '2028': '100.00', '2029': '100.00' },
  });
  expect(implementation.statusCode, implementation.body).toBe(201);
  addedImplementationId = lineItemSchema.parse(implementation.json()).id;

  // No route marks an item cut yet (that is what adopting a cut scenario does), so the test
  // marks the only item of IKT.IKSD.02 cut directly: neither it nor its sub-programme may roll over.
  const [cut] = lineItemListSchema.parse((await lead.get(`/api/sub-programmes/${second.id}/line-items`)).json());
  expect(cut).toMatchObject({ costNature: 'maintenance' });
  cutItemId = cut!.id;
  await t.database.db.updateTable('line_item').set({ review_status: 'cut' }).where('id', '=', cutItemId).execute();
  expect(lineItemSchema.parse((await lead.get(`/api/line-items/${cutItemId}`)).json()).reviewStatus).toBe('cut');
});

describe('a new cycle', () => {
  it('is created by ITC finance as a draft on last year’s cycle', async () => {
    const response = await itc.post('/api/cycles', {
      year: 2028,
      title: 'IKT budžets 2028–2030',
      submissionDeadline: '2027-12-17',
      baseCycleId: base.id,
    });
    expect(response.statusCode, response.body).toBe(201);
    cycle = cycleSchema.parse(response.json());
    expect(cycle).toMatchObject({
      year: 2028,
      title: 'IKT budžets 2028–2030',
      status: 'draft',
      submissionDeadline: '2027-12-17',
      baseCycleId: base.id,
      fiscalYears: [2028, 2029, 2030],
    });
    expect(response.headers.etag).toBe(`"${cycle.version}"`);
    expect(await cycleContents(cycle.id)).toEqual([]);
    expect((await cycleAudit(cycle.id)).map((e) => e.action)).toEqual(['cycle.create']);
  });

  it('is refused to other roles, for a year that exists, and on a later base', async () => {
    const body = { year: 2031, title: 'X', baseCycleId: base.id };
    for (const client of [lead, council, fd, admin]) expectProblem(await client.post('/api/cycles', body), 403);
    expectProblem(await itc.post('/api/cycles', { ...body, year: 2028 }), 409);
    const later = expectProblem(await itc.post('/api/cycles', { ...body, year: 2025 }), 422);
    expect(later.errors).toEqual([{ path: 'body.baseCycleId', message: expect.any(String) }]);
    expectProblem(await itc.post('/api/cycles', { ...body, status: 'open' }), 400);
    expect(cycleListSchema.parse((await itc.get('/api/cycles')).json()).map((c) => c.year)).toEqual([2028, 2027, 2026]);
  });
});

describe('rollover', () => {
  it('is refused to anyone but ITC finance, and changes nothing', async () => {
    for (const client of [lead, council, admin]) {
      const problem = await refused(cycle.id, () => client.post(`/api/cycles/${cycle.id}/rollover`), 403);
      expect(problem.type).toBe('urn:ikt-budzets:problem:forbidden');
    }
    // The Finance Department does not see a cycle before it is past `open`.
    await refused(cycle.id, () => fd.post(`/api/cycles/${cycle.id}/rollover`), 404);
    await refused(cycle.id, () => t.anonymous.post(`/api/cycles/${cycle.id}/rollover`), 401);
  });

  it('copies the base cycle’s maintenance items, not cut ones, as drafts with amounts moved one year', async () => {
    const baseBefore = await cycleContents(base.id);
    const carried = baseBefore.flatMap(({ subProgramme, items }) =>
      items
        .filter((item) => item.costNature === 'maintenance' && item.reviewStatus !== 'cut')
        .map((item) => ({ code: subProgramme.code, item })),
    );
    expect(carried.length).toBeGreaterThan(10);
    expect(carried.map((c) => c.item.id)).toContain(addedMaintenanceId);
    expect(carried.map((c) => c.item.id)).not.toContain(cutItemId);
    expect(carried.map((c) => c.item.id)).not.toContain(addedImplementationId);
    const expectedCodes = [...new Set(carried.map((c) => c.code))].sort();
    expect(expectedCodes).not.toContain('IKT.IKSD.02');

    const response = await itc.post(`/api/cycles/${cycle.id}/rollover`);
    expect(response.statusCode, response.body).toBe(200);
    expect(rolloverResultSchema.parse(response.json())).toEqual({
      cycleId: cycle.id,
      baseCycleId: base.id,
      itemsCopied: carried.length,
      subProgrammesCreated: expectedCodes.length,
    });

    const after = await cycleContents(cycle.id);
    expect(after.map((s) => s.subProgramme.code).sort()).toEqual(expectedCodes);
    const baseByCode = new Map(baseBefore.map((s) => [s.subProgramme.code, s.subProgramme]));
    for (const { subProgramme, items } of after) {
      const origin = baseByCode.get(subProgramme.code)!;
      expect(subProgramme).toMatchObject({
        cycleId: cycle.id,
        name: origin.name,
        kind: origin.kind,
        institutionId: origin.institutionId,
        institutionCode: origin.institutionCode,
        status: 'draft',
      });
      // Totals agree to the cent with the items.
      for (const year of ['2028', '2029', '2030']) {
        expect(subProgramme.totals[year]).toBe(toMoneyString(sumMoney(items.map((i) => i.amounts[year]!))));
      }
    }

    const copies = after.flatMap(({ subProgramme, items }) => items.map((item) => ({ code: subProgramme.code, item })));
    expect(copies).toHaveLength(carried.length);
    const copyOf = new Map(copies.map((c) => [c.item.carriedFromId, c]));
    for (const { code, item: old } of carried) {
      const copy = copyOf.get(old.id);
      expect(copy, `no copy of item ${old.id}`).toBeDefined();
      expect(copy!.code).toBe(code);
      expect(copy!.item).toEqual({
        ...old,
        id: expect.any(Number),
        subProgrammeId: expect.any(Number),
        reviewStatus: 'draft',
        carriedFromId: old.id,
        version: expect.any(Number),
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        amounts: { '2028': old.amounts['2028'], '2029': old.amounts['2029'], '2030': old.amounts['2029'] },
        // The copy starts as a request only: no proposal, nothing adopted yet in the new cycle.
        stages: {
          request: { '2028': old.amounts['2028'], '2029': old.amounts['2029'], '2030': old.amounts['2029'] },
          proposal: null,
          adopted: null,
          current: null,
          proposalReason: null,
        },
        // Last year's figure beside the copy: the base item's amount in the base cycle's year.
        previousYear: old.amounts['2027'],
      });
      expect(copy!.item.id).not.toBe(old.id);
    }

    const added = copyOf.get(addedMaintenanceId)!.item;
    expect(added.amounts).toEqual({ '2028': '0.00', '2029': '1234567.89', '2030': '1234567.89' });
    expect(added.goalCodes).toEqual(['M1', 'M3']);
    expect(added).toMatchObject({ quantity: '1200.000', unit: 'lic.', unitPrice: '0.90', ictServiceCode: 'LIC' });

    // The base cycle is as it was.
    expect(await cycleContents(base.id)).toEqual(baseBefore);
    const audit = await cycleAudit(cycle.id);
    expect(audit.map((e) => e.action)).toEqual(['cycle.create', 'cycle.rollover']);
    expect(audit[1]!.after).toEqual(response.json());
  });

  it('a second rollover is refused with 409 and copies nothing more', async () => {
    const problem = await refused(cycle.id, () => itc.post(`/api/cycles/${cycle.id}/rollover`), 409);
    expect(problem.type).toBe('urn:ikt-budzets:problem:conflict');
  });

  it('is refused for cycles that are not drafts, or have no base', async () => {
    await refused(base.id, () => itc.post(`/api/cycles/${base.id}/rollover`), 409);
    await refused(approved.id, () => itc.post(`/api/cycles/${approved.id}/rollover`), 409);
    const orphan = await itc.post('/api/cycles', { year: 2040, title: 'Bez bāzes' });
    expect(orphan.statusCode, orphan.body).toBe(201);
    const orphanId = cycleSchema.parse(orphan.json()).id;
    await refused(orphanId, () => itc.post(`/api/cycles/${orphanId}/rollover`), 409);
    expectProblem(await itc.post('/api/cycles/999999/rollover'), 404);
    expectProblem(await itc.post('/api/cycles/abc/rollover'), 400);
  });
});

describe('cycle transitions', () => {
  const transition = (client: TestClient, id: number, to: string) =>
    client.post(`/api/cycles/${id}/transition`, { to });

  it('refuses an impossible transition (draft → approved) with 409 to the role that approves', async () => {
    const problem = await refused(cycle.id, () => transition(council, cycle.id, 'approved'), 409);
    expect(problem.type).toBe('urn:ikt-budzets:problem:invalid-state');
    // ITC finance closes approved cycles, but not a draft.
    await refused(cycle.id, () => transition(itc, cycle.id, 'closed'), 409);
  });

  it('refuses draft → approved with 403 to roles that never approve (allowed is checked before possible)', async () => {
    for (const client of [itc, admin, lead]) {
      const problem = await refused(cycle.id, () => transition(client, cycle.id, 'approved'), 403);
      expect(problem.type).toBe('urn:ikt-budzets:problem:forbidden');
    }
  });

  it('refuses draft → open to roles other than ITC finance with 403', async () => {
    for (const client of [lead, council, admin])
      await refused(cycle.id, () => transition(client, cycle.id, 'open'), 403);
    await refused(cycle.id, () => transition(fd, cycle.id, 'open'), 404);
  });

  it('refuses an unknown status or extra fields with 400', async () => {
    await refused(cycle.id, () => transition(itc, cycle.id, 'published'), 400);
    await refused(cycle.id, () => itc.post(`/api/cycles/${cycle.id}/transition`, { to: 'open', status: 'open' }), 400);
  });

  it('lets ITC finance open the draft (200), audited', async () => {
    const before = await cycleById(cycle.id);
    const response = await transition(itc, cycle.id, 'open');
    expect(response.statusCode, response.body).toBe(200);
    const opened = cycleSchema.parse(response.json());
    expect(opened).toMatchObject({ id: cycle.id, status: 'open' });
    expect(opened.version).toBeGreaterThan(before.version);
    expect(await cycleById(cycle.id)).toEqual(opened);
    const events = await cycleAudit(cycle.id);
    expect(events.map((e) => e.action)).toEqual(['cycle.create', 'cycle.rollover', 'cycle.transition']);
    expect(events[2]).toMatchObject({ before: { status: 'draft' }, after: { status: 'open' } });
    expect(events[2]!.actorName).toBeTruthy();
    cycle = opened;
  });

  it('refuses open → review to the council with 403', async () => {
    const problem = await refused(cycle.id, () => transition(council, cycle.id, 'review'), 403);
    expect(problem.type).toBe('urn:ikt-budzets:problem:forbidden');
    await refused(cycle.id, () => transition(lead, cycle.id, 'review'), 403);
  });

  it('refuses a rollover once the cycle is open (409)', async () => {
    await refused(cycle.id, () => itc.post(`/api/cycles/${cycle.id}/rollover`), 409);
  });

  it('lets the institution edit its carried items in the opened cycle', async () => {
    const mine = subProgrammeListSchema.parse((await lead.get(`/api/cycles/${cycle.id}/sub-programmes`)).json());
    expect(mine.map((s) => s.code)).toEqual(['IKT.IKSD.01']);
    const [item] = lineItemListSchema.parse((await lead.get(`/api/sub-programmes/${mine[0]!.id}/line-items`)).json());
    const response = await lead.patch(
      `/api/line-items/${item!.id}`,
      { amounts: { '2030': '1.00' } },
      { 'if-match': `"${item!.version}"` },
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(lineItemSchema.parse(response.json()).amounts['2030']).toBe('1.00');
    expect(subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${mine[0]!.id}`)).json()).status).toBe(
      'draft',
    );
  });

  it('moves open → review by ITC finance, audited, and every transition is in the trail', async () => {
    const response = await transition(itc, cycle.id, 'review');
    expect(response.statusCode, response.body).toBe(200);
    const events = (await cycleAudit(cycle.id)).filter((e) => e.action === 'cycle.transition');
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ status: 'draft' }, { status: 'open' }],
      [{ status: 'open' }, { status: 'review' }],
    ]);
  });
});
