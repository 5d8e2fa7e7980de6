import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { lineItemBatchSchema, lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { cycleIdWithStatus, subProgrammesOf } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * The stages of an item's figures (issue #17, first slice): every read answers `stages`; ITC sets
 * a proposal with a reason while the cycle is in review or consolidated, never touching the
 * request; the council's approval freezes `adopted` and `current` for every item of the cycle.
 */
let t: TestApp;
let itc: TestClient;
let council: TestClient;
let lead: TestClient;
let cycleId: number;
let own: SubProgramme;
let others: SubProgramme;
let item: LineItem;
let hiddenItem: LineItem;

const ADDED = 100;

const proposalOf = (id: number) => `/api/line-items/${id}/proposal`;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
const valid = { amounts: { '2027': '50.00' }, reasonCode: 'price_updated', comment: 'Jaunā cenu aptauja' };

async function ok(response: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const answer = await response;
  expect(answer.statusCode, answer.body).toBe(status);
  return answer.json();
}
const readItem = async (client: TestClient, id: number) =>
  lineItemSchema.parse(await ok(client.get(`/api/line-items/${id}`)));
async function itemsOfCycle(): Promise<LineItem[]> {
  const items: LineItem[] = [];
  for (const subProgramme of await subProgrammesOf(itc, cycleId)) {
    items.push(...lineItemListSchema.parse(await ok(itc.get(`/api/sub-programmes/${subProgramme.id}/line-items`))));
  }
  return items;
}
const transition = (client: TestClient, to: string) =>
  ok(client.post(`/api/cycles/${cycleId}/transition`, { to, overrideReason: 'Padomes lēmums' }));

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  itc = await t.signIn('itc.finance@riga.example');
  council = await t.signIn('council@riga.example');
  lead = await t.signIn('lead.ld@riga.example');
  cycleId = await cycleIdWithStatus(itc, 'open');
  const leadSees = new Set((await subProgrammesOf(lead, cycleId)).map((s) => s.id));
  const all = await subProgrammesOf(itc, cycleId);
  own = all.find((s) => leadSees.has(s.id) && s.kind === 'institution')!;
  others = all.find((s) => !leadSees.has(s.id) && s.kind === 'institution')!;
  // A hundred more items, so the approval below freezes a cycle of well over a hundred.
  const batch = lineItemBatchSchema.parse(
    await ok(
      lead.post(
        `/api/sub-programmes/${own.id}/line-items/batch`,
        {
          items: Array.from({ length: ADDED }, (_, index) => ({
            title: `Pozīcija ${index + 1}`,
            ekkCode: '2251',
            costNature: 'maintenance',
            priority: 'low',
            amounts: { '2027': `${index + 1}.25`, '2028': '10.00' },
          })),
        },
        {},
      ),
      201,
    ),
  );
  item = batch.items[0]!;
  hiddenItem = lineItemListSchema.parse(await ok(itc.get(`/api/sub-programmes/${others.id}/line-items`)))[0]!;
});
afterAll(async () => {
  await t.close();
});

describe('stages on every read', () => {
  it('answers the request as the first stage, later stages null until reached', async () => {
    const read = await readItem(lead, item.id);
    expect(read.stages).toEqual({
      request: { '2027': '1.25', '2028': '10.00', '2029': '0.00' },
      proposal: null,
      adopted: null,
      current: null,
      proposalReason: null,
    });
    expect(read.stages.request).toEqual(read.amounts);
    expect(item.stages).toEqual(read.stages);
  });
});

describe('a proposal before the deadline', () => {
  it('is refused while the cycle is open (409), and nothing is saved', async () => {
    expectProblem(await itc.put(proposalOf(item.id), valid, ifMatch(item.version)), 409);
    expect((await readItem(itc, item.id)).stages.proposal).toBeNull();
  });
});

describe('a proposal in review', () => {
  beforeAll(async () => {
    await transition(itc, 'review');
  });

  it('is not a lead’s (403), also on its own item', async () => {
    expectProblem(await lead.put(proposalOf(item.id), valid, ifMatch(item.version)), 403);
    // Nor the council's: it adopts, ITC proposes.
    expectProblem(await council.put(proposalOf(item.id), valid, ifMatch(item.version)), 403);
    expect((await readItem(itc, item.id)).stages.proposal).toBeNull();
  });

  it('answers another institution’s item as a missing one (404), whatever the body', async () => {
    const hidden = expectProblem(await lead.put(proposalOf(hiddenItem.id), valid, ifMatch(hiddenItem.version)), 404);
    const missing = expectProblem(await lead.put(proposalOf(987654321), valid, ifMatch(1)), 404);
    expect(hidden.title).toBe(missing.title);
    expect(hidden.detail).toBe(missing.detail);
  });

  it('needs If-Match (428) and refuses a stale one (412)', async () => {
    expectProblem(await itc.put(proposalOf(item.id), valid), 428);
    expectProblem(await itc.put(proposalOf(item.id), valid, ifMatch(item.version - 1)), 412);
    expect((await readItem(itc, item.id)).stages.proposal).toBeNull();
  });

  it('names every problem of a bad body at once (400), saving nothing', async () => {
    const problem = expectProblem(
      await itc.put(
        proposalOf(item.id),
        { amounts: { '2027': '12,50', '2028': '-1', '2029': 7 }, reasonCode: 'too_expensive' },
        ifMatch(item.version),
      ),
      400,
    );
    expect(problem.errors?.map((error) => error.path).sort()).toEqual([
      'body.amounts.2027',
      'body.amounts.2028',
      'body.amounts.2029',
      'body.reasonCode',
    ]);
    expect((await readItem(itc, item.id)).stages.proposal).toBeNull();
  });

  it('needs a comment with the reason `other` (400)', async () => {
    for (const comment of [undefined, '   ']) {
      const problem = expectProblem(
        await itc.put(
          proposalOf(item.id),
          { amounts: { '2027': '1.00' }, reasonCode: 'other', ...(comment === undefined ? {} : { comment }) },
          ifMatch(item.version),
        ),
        400,
      );
      expect(problem.errors?.map((error) => error.path)).toEqual(['body.comment']);
    }
  });

  it('refuses a year outside the cycle (422)', async () => {
    const problem = expectProblem(
      await itc.put(proposalOf(item.id), { ...valid, amounts: { '2031': '1.00' } }, ifMatch(item.version)),
      422,
    );
    expect(problem.errors?.map((error) => error.path)).toEqual(['body.amounts.2031']);
  });

  it('sets the proposal beside the request, which stays as the institution asked, audited', async () => {
    const response = await itc.put(proposalOf(item.id), valid, ifMatch(item.version));
    expect(response.statusCode, response.body).toBe(200);
    const proposed = lineItemSchema.parse(response.json());
    expect(response.headers.etag).toBe(`"${proposed.version}"`);
    expect(proposed.version).toBe(item.version + 1);
    expect(proposed.amounts).toEqual(item.amounts);
    expect(proposed.stages).toEqual({
      request: item.amounts,
      proposal: { '2027': '50.00', '2028': '10.00', '2029': '0.00' },
      adopted: null,
      current: null,
      proposalReason: { reasonCode: 'price_updated', comment: 'Jaunā cenu aptauja' },
    });
    // The lead sees ITC's proposal and its reason on its own item.
    expect((await readItem(lead, item.id)).stages).toEqual(proposed.stages);

    const events = auditEventListSchema.parse(await ok(itc.get(`/api/audit?entityType=line_item&entityId=${item.id}`)));
    const event = events.find((e) => e.action === 'lineItem.propose');
    expect(event?.before).toEqual({ proposal: null, proposalReason: null });
    expect(event?.after).toEqual({
      proposal: proposed.stages.proposal,
      proposalReason: proposed.stages.proposalReason,
    });
    item = proposed;
  });

  it('changes only the years named the next time', async () => {
    const proposed = lineItemSchema.parse(
      await ok(
        itc.put(
          proposalOf(item.id),
          { amounts: { '2029': '3' }, reasonCode: 'other', comment: 'Pārcelts uz 2029' },
          ifMatch(item.version),
        ),
      ),
    );
    expect(proposed.stages.proposal).toEqual({ '2027': '50.00', '2028': '10.00', '2029': '3.00' });
    expect(proposed.stages.request).toEqual({ '2027': '1.25', '2028': '10.00', '2029': '0.00' });
    expect(proposed.stages.proposalReason).toEqual({ reasonCode: 'other', comment: 'Pārcelts uz 2029' });
    item = proposed;
  });
});

describe('approval', () => {
  let before: LineItem[];

  beforeAll(async () => {
    await transition(itc, 'consolidated');
    before = await itemsOfCycle();
    await transition(council, 'approved');
  });

  it('freezes adopted and current for every item of the cycle: the proposal where made, else the request', async () => {
    expect(before.length).toBeGreaterThanOrEqual(ADDED);
    const after = new Map((await itemsOfCycle()).map((read) => [read.id, read]));
    expect(after.size).toBe(before.length);
    for (const was of before) {
      const now = after.get(was.id)!;
      const zero = Object.fromEntries(Object.keys(was.amounts).map((year) => [year, '0.00']));
      const expected = was.reviewStatus === 'cut' ? zero : (was.stages.proposal ?? was.stages.request);
      expect(now.stages.adopted, `item ${was.id}`).toEqual(expected);
      expect(now.stages.current, `item ${was.id}`).toEqual(expected);
      expect(now.stages.request).toEqual(was.stages.request);
      expect(now.stages.proposal).toEqual(was.stages.proposal);
    }
    expect(after.get(item.id)!.stages.adopted).toEqual({ '2027': '50.00', '2028': '10.00', '2029': '3.00' });
  });

  it('holds the adopted figure in the database itself: a write that would move it is refused', async () => {
    const db = t.database.db;
    await expect(
      db.updateTable('line_item_stage').set({ adopted: '1.00' }).where('line_item_id', '=', item.id).execute(),
    ).rejects.toThrow(/frozen/);
    const current = await db
      .updateTable('line_item_stage')
      .set({ current: '2.00' })
      .where('line_item_id', '=', item.id)
      .where('fiscal_year', '=', 2027)
      .returning('adopted')
      .executeTakeFirstOrThrow();
    expect(current.adopted).toBe('50.00');
    expect((await readItem(itc, item.id)).stages.current?.['2027']).toBe('2.00');
  });

  it('closes the proposal (409): nothing edits the adopted budget', async () => {
    const now = await readItem(itc, item.id);
    expectProblem(await itc.put(proposalOf(item.id), valid, ifMatch(now.version)), 409);
    expect((await readItem(itc, item.id)).stages.adopted).toEqual(now.stages.adopted);
  });
});
