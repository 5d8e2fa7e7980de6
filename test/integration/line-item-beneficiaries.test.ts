import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { fullCostSchema, type FullCost } from '@ikt/shared/full-cost.schema';
import { lineItemBatchSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { parseMoney, toMoneyString } from '@ikt/shared/money';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, lineItemsOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * A central item names the institutions it is for, with shares in per cent adding up to 100:
 * written with the item, replaced whole, refused with every problem named (nothing saved), asked
 * for by the submit rule when the item names no service, and allocated by the full cost.
 */
const { itc, lead } = demoAppForFile({ itc: ITC_FINANCE, lead: leadOf('IKSD') });
let cycleId: number;
let centralId: number;
let institutionSpId: number;

/** Beneficiaries written short: `shares('LD:25', 'IKSD:75')`. */
function shares(...pairs: string[]) {
  return pairs.map((pair) => {
    const [institutionCode, share] = pair.split(':');
    return { institutionCode, share };
  });
}

/** A central item that names no service: its beneficiaries are what it is allocated by. */
function centralItem(extra: Record<string, unknown> = {}) {
  return {
    title: 'Kopīga e-pakalpojumu platforma',
    ekkCode: '2251',
    costNature: 'maintenance',
    priority: 'high',
    businessNeed: 'Iestāžu e-pakalpojumi vienā platformā.',
    impactIfCut: 'E-pakalpojumi apstājas.',
    amounts: { '2027': '1000.00' },
    ...extra,
  };
}

async function create(body: unknown, client = itc, spId = centralId): Promise<LineItem> {
  const response = await client.post(`/api/sub-programmes/${spId}/line-items`, body);
  expect(response.statusCode, response.body).toBe(201);
  return lineItemSchema.parse(response.json());
}

async function read(id: number): Promise<LineItem> {
  return lineItemSchema.parse((await itc.get(`/api/line-items/${id}`)).json());
}

function patch(item: LineItem, body: unknown) {
  return itc.patch(`/api/line-items/${item.id}`, body, { 'if-match': `"${item.version}"` });
}

async function fullCost(): Promise<FullCost> {
  const response = await itc.get(`/api/cycles/${cycleId}/full-cost?fiscalYear=2027`);
  expect(response.statusCode, response.body).toBe(200);
  return fullCostSchema.parse(response.json());
}

const allocatedTo = (answer: FullCost, code: string) =>
  parseMoney(answer.institutions.find((i) => i.institutionCode === code)!.allocated);

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
  centralId = (await subProgrammeByCode(itc, cycleId, 'IKT.ITC.01')).id;
  institutionSpId = (await subProgrammeByCode(lead, cycleId, 'IKT.IKSD.01')).id;
});

describe('beneficiaries of a central item', () => {
  it('are written with the item, read back by code with four decimals, and replaced whole', async () => {
    const created = await create(
      centralItem({
        beneficiaries: shares('LD:25', 'IKSD:75'),
      }),
    );
    expect(created.beneficiaries).toEqual(shares('IKSD:75.0000', 'LD:25.0000'));
    expect((await read(created.id)).beneficiaries).toEqual(created.beneficiaries);

    const replaced = await patch(created, {
      beneficiaries: shares('FD:33.3333', 'SD:33.3333', 'RPP:33.3334'),
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const after = lineItemSchema.parse(replaced.json());
    expect(after.beneficiaries).toEqual(shares('FD:33.3333', 'RPP:33.3334', 'SD:33.3333'));
    expect(after.version).toBe(created.version + 1);

    // A change that names other fields keeps them; an empty list names none.
    const renamed = lineItemSchema.parse((await patch(after, { title: 'Platforma (2. kārta)' })).json());
    expect(renamed.beneficiaries).toEqual(after.beneficiaries);
    const cleared = await patch(renamed, { beneficiaries: [], ictServiceCode: 'SUP' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(lineItemSchema.parse(cleared.json()).beneficiaries).toEqual([]);

    // The audit trail records them like every other field.
    const history = auditEventListSchema.parse((await itc.get(`/api/line-items/${created.id}/history`)).json());
    expect(history.map((event) => event.action)).toEqual([
      'lineItem.create',
      'lineItem.update',
      'lineItem.update',
      'lineItem.update',
    ]);
    const [, firstChange] = history;
    expect((firstChange!.before as { beneficiaries: unknown }).beneficiaries).toEqual(created.beneficiaries);
    expect((firstChange!.after as { beneficiaries: unknown }).beneficiaries).toEqual(after.beneficiaries);
  });

  it('are created by a batch too, each item its own', async () => {
    const response = await itc.post(`/api/sub-programmes/${centralId}/line-items/batch`, {
      items: [
        centralItem({ title: 'A', beneficiaries: shares('LD:100') }),
        centralItem({ title: 'B', ictServiceCode: 'SUP' }),
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { items } = lineItemBatchSchema.parse(response.json());
    expect(items.map((item) => item.beneficiaries)).toEqual([shares('LD:100.0000'), []]);
  });

  it('refuses badly formed beneficiaries naming each problem, and saves nothing', async () => {
    const item = await create(centralItem({ ictServiceCode: 'SUP' }));
    const format = expectProblem(
      await patch(item, {
        beneficiaries: [...shares('LD:0', 'FD:-5', 'SD:12.34567', 'RPP:1,5'), { institutionCode: 'APC' }],
      }),
      400,
    );
    expect(format.errors?.map((e) => e.path)).toEqual([
      'body.beneficiaries.0.share',
      'body.beneficiaries.1.share',
      'body.beneficiaries.2.share',
      'body.beneficiaries.3.share',
      'body.beneficiaries.4.share',
    ]);

    const meaning = expectProblem(
      await patch(item, {
        beneficiaries: shares('LD:50', 'FD:30', 'LD:10'),
      }),
      400,
    );
    expect(meaning.errors?.map((e) => e.path)).toEqual(['body.beneficiaries.2.institutionCode', 'body.beneficiaries']);
    // Shares a ten-thousandth short of 100 do not add up, in either language.
    const short = await itc.patch(
      `/api/line-items/${item.id}?lang=en`,
      {
        beneficiaries: shares('LD:33.3333', 'FD:33.3333', 'SD:33.3333'),
      },
      { 'if-match': `"${item.version}"` },
    );
    expect(expectProblem(short, 400).errors).toEqual([
      expect.objectContaining({ path: 'body.beneficiaries', message: expect.stringContaining('exactly 100') }),
    ]);

    const unknown = expectProblem(
      await patch(item, {
        beneficiaries: shares('NOPE:40', 'LD:20', 'XX:40'),
      }),
      422,
    );
    expect(unknown.errors?.map((e) => e.path)).toEqual([
      'body.beneficiaries.0.institutionCode',
      'body.beneficiaries.2.institutionCode',
    ]);
    expect(await read(item.id)).toEqual(item);
  });

  it('belong to the central sub-programme only: an institution’s item is refused them', async () => {
    const before = await lineItemsOf(lead, institutionSpId);
    const refused = await lead.post(
      `/api/sub-programmes/${institutionSpId}/line-items`,
      centralItem({ beneficiaries: shares('IKSD:100') }),
    );
    const problem = expectProblem(refused, 422);
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.beneficiaries']);
    expect(problem.errors?.[0]?.message).toContain('centrālās apakšprogrammas');

    const own = before[0]!;
    const changed = await lead.patch(
      `/api/line-items/${own.id}`,
      { beneficiaries: shares('NOPE:100') },
      { 'if-match': `"${own.version}"` },
    );
    // Both problems at once: not central, and an unknown institution.
    expect(expectProblem(changed, 422).errors?.map((e) => e.path)).toEqual([
      'body.beneficiaries',
      'body.beneficiaries.0.institutionCode',
    ]);
    // In a batch every item's problems are named, and nothing is created.
    const batch = await lead.post(`/api/sub-programmes/${institutionSpId}/line-items/batch`, {
      items: [
        centralItem({ title: 'Labs' }),
        centralItem({ beneficiaries: shares('IKSD:60') }),
        centralItem({ beneficiaries: shares('IKSD:100') }),
      ],
    });
    expect(expectProblem(batch, 422).errors?.map((e) => e.path)).toEqual([
      'items.1.beneficiaries',
      'items.2.beneficiaries',
    ]);
    expect(await lineItemsOf(lead, institutionSpId)).toEqual(before);
  });

  it('allocate the item’s amount to the institutions named, by their shares, in the full cost', async () => {
    const before = await fullCost();
    await create(
      centralItem({
        amounts: { '2027': '1000.01' },
        beneficiaries: shares('IKSD:75', 'LD:25'),
      }),
    );
    const after = await fullCost();
    // 750.0075 and 250.0025: the cent left over goes to the larger remainder (IKSD first by code on a tie).
    expect(toMoneyString(allocatedTo(after, 'IKSD').minus(allocatedTo(before, 'IKSD')))).toBe('750.01');
    expect(toMoneyString(allocatedTo(after, 'LD').minus(allocatedTo(before, 'LD')))).toBe('250.00');
    expect(toMoneyString(allocatedTo(after, 'FD').minus(allocatedTo(before, 'FD')))).toBe('0.00');
    expect(after.unallocated).toEqual(before.unallocated);
    expect(toMoneyString(parseMoney(after.total!).minus(before.total!))).toBe('1000.01');
  });
});

describe('the central submit rule', () => {
  it('refuses a central item with neither service nor beneficiaries, and accepts one with them', async () => {
    const bare = await create(centralItem({ title: 'Bez pakalpojuma' }));
    const refused = await itc.post(`/api/sub-programmes/${centralId}/submit`);
    const problem = expectProblem(refused, 422);
    expect(problem.errors?.map((e) => e.path)).toEqual([`lineItems.${bare.id}.ictServiceCode`]);

    const named = await patch(bare, {
      beneficiaries: shares('IKSD:50.5', 'LD:49.5'),
    });
    expect(named.statusCode, named.body).toBe(200);
    const submitted = await itc.post(`/api/sub-programmes/${centralId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
  });
});
