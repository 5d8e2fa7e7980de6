import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema, type AuditEvent } from '@ikt/shared/audit.schema';
import { cycleListSchema, cycleSchema } from '@ikt/shared/cycle.schema';
import { commentListSchema, lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import {
  subProgrammeChangesSchema,
  subProgrammeListSchema,
  subProgrammeSchema,
  type SubProgramme,
} from '@ikt/shared/sub-programme.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';
import { openWorkbook } from './spreadsheets-support';

/**
 * The review workflow's rules (issue #14, journeys 1, 2 and 6): an item is reviewed on its own
 * and leaves its sub-programme submitted; returning or accepting the whole is ITC's own decision;
 * a lead withdraws a submission until ITC starts on it; a cycle moves into `consolidated` or
 * `approved` with sub-programmes not accepted only with a reason, which is audited and written
 * in the workbook.
 */
let t: TestApp;
let itc: TestClient;
let council: TestClient;
let admin: TestClient;
let leads: Record<string, TestClient>;
let cycleId: number;
let codes: Map<string, SubProgramme>;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  itc = await t.signIn('itc.finance@riga.example');
  council = await t.signIn('council@riga.example');
  admin = await t.signIn('admin@riga.example');
  leads = {
    LD: await t.signIn('lead.ld@riga.example'),
    APC: await t.signIn('lead.apc@riga.example'),
    SD: await t.signIn('lead.sd@riga.example'),
    IKSD: await t.signIn('lead.iksd@riga.example'),
  };
  const cycles = cycleListSchema.parse((await itc.get('/api/cycles')).json());
  cycleId = cycles.find((c) => c.year === 2027)!.id;
  const list = subProgrammeListSchema.parse((await itc.get(`/api/cycles/${cycleId}/sub-programmes`)).json());
  codes = new Map(list.map((sp) => [sp.code, sp]));
});
afterAll(async () => {
  await t.close();
});

const idOf = (code: string) => codes.get(code)!.id;
const url = (code: string) => `/api/sub-programmes/${idOf(code)}`;

async function ok<T>(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json() as T;
}
const statusOf = async (code: string) => subProgrammeSchema.parse(await ok(itc.get(url(code)))).status;
const itemsOf = async (code: string): Promise<LineItem[]> =>
  lineItemListSchema.parse(await ok(itc.get(`${url(code)}/line-items`)));
async function auditOf(entityType: string, entityId: number): Promise<AuditEvent[]> {
  return auditEventListSchema.parse(await ok(itc.get(`/api/audit?entityType=${entityType}&entityId=${entityId}`)));
}

describe('reviewing item by item', () => {
  let returned: LineItem;
  let other: LineItem;

  beforeAll(async () => {
    await ok(leads.LD!.post(`${url('IKT.LD.01')}/submit`));
    [returned, other] = (await itemsOf('IKT.LD.01')) as [LineItem, LineItem];
  });

  it('returning an item leaves the sub-programme submitted, audited on the item only', async () => {
    const response = await itc.post(`/api/line-items/${returned.id}/review`, {
      decision: 'return',
      comment: 'Pamatojiet izmaksu pieaugumu.',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(lineItemSchema.parse(response.json()).reviewStatus).toBe('returned');
    expect(await statusOf('IKT.LD.01')).toBe('submitted');

    const itemEvents = await auditOf('line_item', returned.id);
    expect(itemEvents[0]).toMatchObject({
      action: 'lineItem.return',
      after: expect.objectContaining({ reviewStatus: 'returned', comment: 'Pamatojiet izmaksu pieaugumu.' }),
    });
    const subProgrammeEvents = await auditOf('sub_programme', idOf('IKT.LD.01'));
    expect(subProgrammeEvents.map((e) => e.action)).toEqual(['subProgramme.submit']);
  });

  it('ITC goes on with the other items; the lead cannot change anything while the review goes on', async () => {
    const accepted = await itc.post(`/api/line-items/${other.id}/review`, { decision: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(lineItemSchema.parse(accepted.json()).reviewStatus).toBe('accepted');

    const current = lineItemSchema.parse(await ok(leads.LD!.get(`/api/line-items/${returned.id}`)));
    expectProblem(
      await leads.LD!.patch(
        `/api/line-items/${returned.id}`,
        { calculationBasis: 'Par agru' },
        { 'if-match': `"${current.version}"` },
      ),
      409,
    );
  });

  it('accepting the sub-programme is refused while an item is returned, naming it', async () => {
    const problem = expectProblem(await itc.post(`${url('IKT.LD.01')}/accept`, {}), 409);
    expect(problem.errors).toEqual([{ path: `lineItems.${returned.id}`, message: `${returned.title}: atgriezta` }]);
    expect(await statusOf('IKT.LD.01')).toBe('submitted');
  });

  it('returning the sub-programme is its own decision; the lead then fixes the returned item', async () => {
    const response = await itc.post(`${url('IKT.LD.01')}/return`, { comment: 'Skatiet pozīcijas komentāru.' });
    expect(response.statusCode, response.body).toBe(200);
    expect(subProgrammeSchema.parse(response.json()).status).toBe('returned');
    const [event] = await auditOf('sub_programme', idOf('IKT.LD.01'));
    expect(event).toMatchObject({
      action: 'subProgramme.return',
      after: { status: 'returned', comment: 'Skatiet pozīcijas komentāru.', returnedItemIds: [returned.id] },
    });

    const current = lineItemSchema.parse(await ok(leads.LD!.get(`/api/line-items/${returned.id}`)));
    await ok(
      leads.LD!.patch(
        `/api/line-items/${returned.id}`,
        { calculationBasis: 'Līguma grozījumi' },
        { 'if-match': `"${current.version}"` },
      ),
    );
  });

  it("every comment on the sub-programme's items comes in one list, the lead's reply with ITC's return", async () => {
    await ok(leads.LD!.post(`/api/line-items/${returned.id}/comments`, { body: 'Pievienojām grozījumus.' }), 201);
    for (const client of [itc, leads.LD!, council]) {
      const comments = commentListSchema.parse(await ok(client.get(`${url('IKT.LD.01')}/line-item-comments`)));
      expect(comments.map((c) => [c.lineItemId, c.kind, c.body])).toEqual([
        [returned.id, 'return', 'Pamatojiet izmaksu pieaugumu.'],
        [returned.id, 'comment', 'Pievienojām grozījumus.'],
      ]);
    }
    expectProblem(await leads.IKSD!.get(`${url('IKT.LD.01')}/line-item-comments`), 404);
  });
});

describe('withdrawing a submission', () => {
  it('its lead takes a submission ITC has not started on back to draft, audited', async () => {
    await ok(leads.APC!.post(`${url('IKT.APC.01')}/submit`));
    // Somebody else's comment after the submission does not count as ITC starting: the lead's own.
    const [first] = await itemsOf('IKT.APC.01');
    await ok(leads.APC!.post(`/api/line-items/${first!.id}/comments`, { body: 'Piezīme sev.' }), 201);

    expectProblem(await itc.post(`${url('IKT.APC.01')}/withdraw`), 403);
    expectProblem(await leads.LD!.post(`${url('IKT.APC.01')}/withdraw`), 404);

    const response = await leads.APC!.post(`${url('IKT.APC.01')}/withdraw`);
    expect(response.statusCode, response.body).toBe(200);
    expect(subProgrammeSchema.parse(response.json()).status).toBe('draft');
    expect(new Set((await itemsOf('IKT.APC.01')).map((i) => i.reviewStatus))).toEqual(new Set(['draft']));
    const [event] = await auditOf('sub_programme', idOf('IKT.APC.01'));
    expect(event).toMatchObject({
      action: 'subProgramme.withdraw',
      before: { status: 'submitted', submittedAt: expect.any(String) },
      after: { status: 'draft' },
    });
    // The withdrawn submission is not the one to compare the next with.
    const changes = subProgrammeChangesSchema.parse(await ok(itc.get(`${url('IKT.APC.01')}/changes`)));
    expect(changes.since).toBeNull();
    // A draft has nothing to withdraw.
    expectProblem(await leads.APC!.post(`${url('IKT.APC.01')}/withdraw`), 409);
  });

  it('is refused (409) once ITC has decided an item', async () => {
    await ok(leads.APC!.post(`${url('IKT.APC.01')}/submit`));
    const [first] = await itemsOf('IKT.APC.01');
    await ok(itc.post(`/api/line-items/${first!.id}/review`, { decision: 'accept' }));
    const problem = expectProblem(await leads.APC!.post(`${url('IKT.APC.01')}/withdraw`), 409);
    expect(problem.detail).toMatch(/ITC jau ir sākusi izskatīšanu/);
    expect(await statusOf('IKT.APC.01')).toBe('submitted');
  });

  it('is refused (409) once ITC has commented, and after a return and resubmission counts from then', async () => {
    await ok(leads.SD!.post(`${url('IKT.SD.01')}/submit`));
    const [first] = await itemsOf('IKT.SD.01');
    await ok(itc.post(`/api/line-items/${first!.id}/comments`, { body: 'Jautājums par apjomu.' }), 201);
    expectProblem(await leads.SD!.post(`${url('IKT.SD.01')}/withdraw`), 409);

    // Returned, resubmitted: ITC's earlier comment and decisions belong to the round before.
    await ok(itc.post(`/api/line-items/${first!.id}/review`, { decision: 'return', comment: 'Precizējiet.' }));
    await ok(itc.post(`${url('IKT.SD.01')}/return`, { comment: 'Atgriežam.' }));
    await ok(leads.SD!.post(`${url('IKT.SD.01')}/submit`));
    const withdrawn = await leads.SD!.post(`${url('IKT.SD.01')}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(subProgrammeSchema.parse(withdrawn.json()).status).toBe('draft');
  });
});

describe('moving a cycle on with sub-programmes not accepted', () => {
  const reason = 'Termiņš: padomes sēde 15. janvārī.';

  it('open → review stays free', async () => {
    const moved = await itc.post(`/api/cycles/${cycleId}/transition`, { to: 'review' });
    expect(moved.statusCode, moved.body).toBe(200);
  });

  it('review → consolidated is refused with 422 listing every sub-programme not accepted', async () => {
    const list = subProgrammeListSchema.parse(await ok(itc.get(`/api/cycles/${cycleId}/sub-programmes`)));
    const pending = list.filter((sp) => sp.status !== 'accepted');
    expect(pending.length).toBe(list.length);
    const problem = expectProblem(await itc.post(`/api/cycles/${cycleId}/transition`, { to: 'consolidated' }), 422);
    expect(problem.detail).toContain(`ne visas apakšprogrammas ir pieņemtas (nepieņemtas: ${pending.length})`);
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(pending.map((sp) => `subProgrammes.${sp.id}`).sort());
    const ld = problem.errors!.find((e) => e.path === `subProgrammes.${idOf('IKT.LD.01')}`);
    expect(ld!.message).toBe('IKT.LD.01 Sociālās palīdzības IS (LD): Atgriezta');
    expect(cycleSchema.parse(await ok(itc.get(`/api/cycles/${cycleId}`))).status).toBe('review');
    // An empty reason is no reason.
    expectProblem(
      await itc.post(`/api/cycles/${cycleId}/transition`, { to: 'consolidated', overrideReason: '  ' }),
      400,
    );
  });

  it('moves with an overrideReason, audited with the list of those not accepted', async () => {
    const moved = await itc.post(`/api/cycles/${cycleId}/transition`, { to: 'consolidated', overrideReason: reason });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(cycleSchema.parse(moved.json()).status).toBe('consolidated');
    const [event] = await auditOf('budget_cycle', cycleId);
    expect(event!.action).toBe('cycle.transition');
    const after = event!.after as { status: string; overrideReason: string; notAccepted: { code: string }[] };
    expect(after.status).toBe('consolidated');
    expect(after.overrideReason).toBe(reason);
    expect(after.notAccepted.map((sp) => sp.code)).toContain('IKT.LD.01');
    expect(after.notAccepted).toHaveLength(codes.size);
  });

  it('the council is refused the approval in the same way, and approves with its own reason', async () => {
    expectProblem(await council.post(`/api/cycles/${cycleId}/transition`, { to: 'approved' }), 422);
    const approved = await council.post(`/api/cycles/${cycleId}/transition`, {
      to: 'approved',
      overrideReason: 'Domes lēmums.',
    });
    expect(approved.statusCode, approved.body).toBe(200);
  });

  it('the workbook says under the totals that and why the cycle moved with sub-programmes not accepted', async () => {
    const notes = await summaryNotes();
    expect(notes).toContain(`Konsolidēts ar izņēmumu: ${reason}`);
    expect(notes).toContain('Apstiprināts ar izņēmumu: Domes lēmums.');
    const lists = notes.filter((n) => n.startsWith(`Nebija pieņemtas (${codes.size}): `));
    expect(lists).toHaveLength(2);
    expect(lists[0]).toContain('IKT.LD.01 (Atgriezta)');
    expect(lists[0]).toContain('IKT.FD.01 (Melnraksts)');
  });

  it('once the cycle is reopened and every sub-programme accepted, it moves without a reason and the notes go', async () => {
    await ok(admin.post(`/api/cycles/${cycleId}/transition`, { to: 'open' }));
    for (const sp of codes.values()) {
      const owner =
        sp.kind === 'central'
          ? itc
          : await t.signIn(`lead.${sp.institutionCode.toLowerCase().replace('ī', 'i')}@riga.example`);
      const status = await statusOf(sp.code);
      if (status !== 'submitted') await ok(owner.post(`${url(sp.code)}/submit`));
      for (const item of await itemsOf(sp.code)) {
        if (item.reviewStatus === 'returned')
          await ok(itc.post(`/api/line-items/${item.id}/review`, { decision: 'accept' }));
      }
      await ok(itc.post(`${url(sp.code)}/accept`, {}));
    }
    await ok(itc.post(`/api/cycles/${cycleId}/transition`, { to: 'review' }));
    await ok(itc.post(`/api/cycles/${cycleId}/transition`, { to: 'consolidated' }));
    const [event] = await auditOf('budget_cycle', cycleId);
    expect(event!.after).toEqual({ status: 'consolidated' });
    expect(await summaryNotes()).toEqual([]);
  });
});

/** The notes under the totals of Kopsavilkums: the rows below the cut row whose text is a note. */
async function summaryNotes(): Promise<string[]> {
  const response = await itc.get(`/api/cycles/${cycleId}/export.xlsx`);
  expect(response.statusCode, response.body).toBe(200);
  const sheet = (await openWorkbook(response.rawPayload)).getWorksheet('Kopsavilkums')!;
  const texts: string[] = [];
  sheet.eachRow((row) => texts.push(row.getCell(1).text));
  const cutRow = texts.findIndex((text) => text.startsWith('Izslēgtās pozīcijas'));
  return texts.slice(cutRow + 1).filter((text) => text !== '');
}
