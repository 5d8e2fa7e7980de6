import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { consolidationSchema } from '@ikt/shared/consolidation.schema';
import { cycleListSchema, type Cycle } from '@ikt/shared/cycle.schema';
import { lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, leadOf, lineItemsOf, subProgrammesOf } from '../helpers/demo';

/**
 * Last year's approved figure beside each item (issue #14): every item of the lead's grid carries
 * the figure the consolidation counts as "last year" for the base-cycle item it was carried from,
 * or null when it continues none — and the two agree to the cent, sub-programme by sub-programme.
 */

const { t, itc, lead } = demoAppForFile({ itc: ITC_FINANCE, lead: leadOf('IKSD') });
let current: Cycle;
let previous: Cycle;

beforeAll(async () => {
  const cycles = cycleListSchema.parse((await itc.get('/api/cycles')).json());
  current = cycles.find((c) => c.year === 2027)!;
  previous = cycles.find((c) => c.year === 2026)!;
  expect(current.baseCycleId).toBe(previous.id);
});

async function itemById(client: TestClient, id: number): Promise<LineItem> {
  const response = await client.get(`/api/line-items/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return lineItemSchema.parse(response.json());
}

/** The consolidation's "last year" per sub-programme code of the current cycle. */
async function consolidatedPreviousYear(): Promise<Map<string, string | null>> {
  const response = await itc.get(`/api/cycles/${current.id}/consolidation?by=sub_programme`);
  expect(response.statusCode, response.body).toBe(200);
  const consolidation = consolidationSchema.parse(response.json());
  return new Map(consolidation.rows.map((row) => [row.key, row.previousYear]));
}

/** Σ of the items' last-year figures per sub-programme code, as the grids show them. */
async function itemsPreviousYear(): Promise<Map<string, string>> {
  const sums = new Map<string, string>();
  for (const subProgramme of await subProgrammesOf(itc, current.id)) {
    const items = await lineItemsOf(itc, subProgramme.id);
    sums.set(subProgramme.code, toMoneyString(sumMoney(items.map((item) => item.previousYear ?? '0'))));
  }
  return sums;
}

async function expectAgreement() {
  const consolidated = await consolidatedPreviousYear();
  const fromItems = await itemsPreviousYear();
  for (const [code, sum] of fromItems) expect(sum, code).toBe(consolidated.get(code));
}

describe("last year's figure of each item", () => {
  it("is, in the lead's list, the approved amount of the item it was carried from, or null", async () => {
    const [mine] = (await subProgrammesOf(lead, current.id)).filter((s) => s.code === 'IKT.IKSD.01');
    const items = await lineItemsOf(lead, mine!.id);
    const carried = items.filter((item) => item.carriedFromId !== null);
    const fresh = items.filter((item) => item.carriedFromId === null);
    expect(carried.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    for (const item of carried) {
      const origin = await itemById(itc, item.carriedFromId!);
      expect(item.previousYear, item.title).toBe(origin.amounts['2026']);
    }
    for (const item of fresh) expect(item.previousYear, item.title).toBeNull();
    const wifi = items.find((item) => item.title === 'Skolu bezvadu tīklu uzturēšana')!;
    expect(wifi.previousYear).toBe('410000.00');
  });

  it("adds up, per sub-programme, to the consolidation's last year to the cent", async () => {
    await expectAgreement();
  });

  it('follows last year as the consolidation counts it: odd cents, and a cut item counts 0.00', async () => {
    const [mine] = (await subProgrammesOf(lead, current.id)).filter((s) => s.code === 'IKT.IKSD.01');
    const carried = (await lineItemsOf(lead, mine!.id)).filter((item) => item.carriedFromId !== null);
    const [odd, cut] = carried as [LineItem, LineItem];
    const db = t.database.db;
    await db
      .updateTable('line_item_amount')
      .set({ amount: '1234567.89' })
      .where('line_item_id', '=', odd.carriedFromId!)
      .where('fiscal_year', '=', 2026)
      .execute();
    await db.updateTable('line_item').set({ review_status: 'cut' }).where('id', '=', cut.carriedFromId!).execute();

    const after = await lineItemsOf(lead, mine!.id);
    expect(after.find((item) => item.id === odd.id)!.previousYear).toBe('1234567.89');
    expect(after.find((item) => item.id === cut.id)!.previousYear).toBe('0.00');
    await expectAgreement();
  });

  it('comes with every answer that carries the item (get, change) and stays out of the audit trail', async () => {
    const [mine] = (await subProgrammesOf(lead, current.id)).filter((s) => s.code === 'IKT.IKSD.01');
    const listed = (await lineItemsOf(lead, mine!.id)).find((item) => item.previousYear !== null)!;
    expect((await itemById(lead, listed.id)).previousYear).toBe(listed.previousYear);

    const patched = await lead.patch(
      `/api/line-items/${listed.id}`,
      { amounts: { '2027': '415000.01' } },
      { 'if-match': `"${listed.version}"` },
    );
    expect(patched.statusCode, patched.body).toBe(200);
    expect(lineItemSchema.parse(patched.json()).previousYear).toBe(listed.previousYear);

    const history = await lead.get(`/api/line-items/${listed.id}/history`);
    expect(history.statusCode, history.body).toBe(200);
    const [event] = auditEventListSchema.parse(history.json());
    expect(event!.action).toBe('lineItem.update');
    expect(event!.after).not.toHaveProperty('previousYear');
    expect(event!.before).not.toHaveProperty('previousYear');

    const created = await lead.post(`/api/sub-programmes/${mine!.id}/line-items`, {
      title: 'Jauna pozīcija',
      ekkCode: '2251',
      costNature: 'maintenance',
      priority: 'low',
      amounts: { '2027': '10.00' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(lineItemSchema.parse(created.json()).previousYear).toBeNull();
  });

  it('is null for a cycle without a base cycle, and for a link to an item outside the base cycle', async () => {
    for (const subProgramme of await subProgrammesOf(itc, previous.id)) {
      for (const item of await lineItemsOf(itc, subProgramme.id)) expect(item.previousYear).toBeNull();
    }
    const [mine] = (await subProgrammesOf(lead, current.id)).filter((s) => s.code === 'IKT.IKSD.01');
    const [first, second] = await lineItemsOf(lead, mine!.id);
    // A link within the same cycle is no last year's figure.
    await t.database.db
      .updateTable('line_item')
      .set({ carried_from_id: second!.id })
      .where('id', '=', first!.id)
      .execute();
    expect((await itemById(lead, first!.id)).previousYear).toBeNull();
  });
});
