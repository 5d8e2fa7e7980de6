import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consolidationSchema } from '@ikt/shared/consolidation.schema';
import { cycleListSchema, cycleSchema, rolloverResultSchema, type Cycle } from '@ikt/shared/cycle.schema';
import {
  billSchema,
  fullCostSchema,
  serviceConsumptionSchema,
  serviceDriversSchema,
  type FullCost,
  type ServiceConsumptionRow,
} from '@ikt/shared/full-cost.schema';
import { lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { Decimal, parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';

/**
 * The full cost of ICT per institution on the demo data: the central sub-programme's services
 * allocated by what each institution consumes, exact to the cent, every euro of the consolidated
 * total accounted for. Expectations are computed from what the API answers elsewhere (the
 * consolidation, the central items, the stored quantities), never from the allocation itself.
 */

let t: TestApp;
let itc: TestClient;
let lead: TestClient;
let cycle: Cycle;
const YEARS = [2027, 2028, 2029];

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  itc = await t.signIn('itc.finance@riga.example');
  lead = await t.signIn('lead.iksd@riga.example');
  cycle = cycleListSchema.parse((await itc.get('/api/cycles')).json()).find((c) => c.status === 'open')!;
});
afterAll(async () => {
  await t.close();
});

async function fullCost(client: TestClient, fiscalYear: number): Promise<FullCost> {
  const response = await client.get(`/api/cycles/${cycle.id}/full-cost?fiscalYear=${fiscalYear}`);
  expect(response.statusCode, response.body).toBe(200);
  return fullCostSchema.parse(response.json());
}

async function consolidatedTotal(fiscalYear: number): Promise<string> {
  const response = await itc.get(`/api/cycles/${cycle.id}/consolidation?by=institution`);
  return consolidationSchema.parse(response.json()).total.amounts[String(fiscalYear)]!;
}

async function centralItems(): Promise<LineItem[]> {
  const subProgrammes = subProgrammeListSchema.parse((await itc.get(`/api/cycles/${cycle.id}/sub-programmes`)).json());
  const central = subProgrammes.find((s) => s.kind === 'central')!;
  return lineItemListSchema.parse((await itc.get(`/api/sub-programmes/${central.id}/line-items`)).json());
}

async function consumption(client: TestClient = itc) {
  const response = await client.get(`/api/cycles/${cycle.id}/service-consumption`);
  expect(response.statusCode, response.body).toBe(200);
  return { ...serviceConsumptionSchema.parse(response.json()), etag: response.headers.etag as string };
}

async function putConsumption(rows: ServiceConsumptionRow[]) {
  const { etag } = await consumption();
  return itc.put(`/api/cycles/${cycle.id}/service-consumption`, rows, { 'if-match': etag });
}

/**
 * What the method promises, checked against an oracle built from the central items and the
 * stored quantities: per service, the institutions' amounts add up to the service's cost exactly
 * and none is more than a cent from cost × quantity ÷ all quantities; Σ full + Σ unallocated is the
 * consolidated total.
 */
async function expectExactAllocation(fiscalYear: number) {
  const answer = await fullCost(itc, fiscalYear);
  const items = (await centralItems()).filter((i) => i.reviewStatus !== 'cut');
  const stored = (await consumption()).rows.filter((r) => r.fiscalYear === fiscalYear);
  const unallocated = new Map(answer.unallocated.map((u) => [u.serviceCode, u.amount]));
  for (const service of new Set(items.map((i) => i.ictServiceCode ?? ''))) {
    const cost = sumMoney(items.filter((i) => (i.ictServiceCode ?? '') === service).map((i) => i.amounts[fiscalYear]!));
    const quantities = stored.filter((r) => r.serviceCode === service && !new Decimal(r.quantity).isZero());
    const allQuantity = sumMoney(quantities.map((r) => r.quantity));
    if (service === '' || allQuantity.isZero()) {
      expect(unallocated.get(service), service).toBe(toMoneyString(cost));
      continue;
    }
    expect(unallocated.has(service), service).toBe(false);
    let allocated = new Decimal(0);
    for (const row of quantities) {
      const institution = answer.institutions.find((i) => i.institutionCode === row.institutionCode)!;
      const amount = parseMoney(institution.byService.find((s) => s.serviceCode === service)!.amount);
      const exact = cost.times(row.quantity).div(allQuantity);
      expect(amount.minus(exact).abs().lte('0.01'), `${service} ${row.institutionCode}`).toBe(true);
      allocated = allocated.plus(amount);
    }
    expect(toMoneyString(allocated), service).toBe(toMoneyString(cost));
  }
  for (const institution of answer.institutions) {
    expect(institution.full).toBe(toMoneyString(parseMoney(institution.own).plus(institution.allocated)));
    expect(institution.allocated).toBe(toMoneyString(sumMoney(institution.byService.map((s) => s.amount))));
  }
  const accounted = sumMoney([...answer.institutions.map((i) => i.full), ...answer.unallocated.map((u) => u.amount)]);
  expect(toMoneyString(accounted)).toBe(await consolidatedTotal(fiscalYear));
  expect(answer.total).toBe(await consolidatedTotal(fiscalYear));
  return answer;
}

describe('full cost', () => {
  it('allocates every euro of the demo central sub-programme, exactly, in every fiscal year', async () => {
    for (const year of YEARS) {
      const answer = await expectExactAllocation(year);
      // The demo quantities cover every central service: nothing is left unallocated.
      expect(answer.unallocated).toEqual([]);
      // An institution's own part is its row of the consolidation by institution.
      const byInstitution = consolidationSchema.parse(
        (await itc.get(`/api/cycles/${cycle.id}/consolidation?by=institution`)).json(),
      );
      const iksd = answer.institutions.find((i) => i.institutionCode === 'IKSD')!;
      expect(iksd.own).toBe(byInstitution.rows.find((r) => r.key === 'IKSD')!.amounts[String(year)]);
      expect(parseMoney(iksd.allocated).gt(0)).toBe(true);
      expect(answer.institutions.find((i) => i.institutionCode === 'ITC')!.own).toBe('0.00');
    }
  });

  it('compares with last year and gives cost per workstation and per user beside the median', async () => {
    const answer = await fullCost(itc, 2027);
    const lastYear = await itc.get(`/api/cycles/${cycle.baseCycleId}/full-cost?fiscalYear=2026`);
    const previous = fullCostSchema.parse(lastYear.json());
    const iksd = answer.institutions.find((i) => i.institutionCode === 'IKSD')!;
    expect(iksd.previousYearFull).toBe(previous.institutions.find((i) => i.institutionCode === 'IKSD')!.full);
    expect(iksd.change).toBe(toMoneyString(parseMoney(iksd.full).minus(iksd.previousYearFull!)));
    // 3 200 workstations and 3 900 users in the demo quantities.
    expect(iksd.perWorkstation).toBe(toMoneyString(parseMoney(iksd.full).div(3200)));
    expect(iksd.perUser).toBe(toMoneyString(parseMoney(iksd.full).div(3900)));
    const perWorkstation = answer.institutions.map((i) => i.perWorkstation).filter((v) => v !== null);
    expect(perWorkstation.length).toBe(answer.institutions.length);
    const sorted = perWorkstation.map((v) => parseMoney(v)).sort((a, b) => a.comparedTo(b));
    const middle = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(middle)]! : sorted[middle - 1]!.plus(sorted[middle]!).div(2);
    expect(answer.medians.perWorkstation).toBe(toMoneyString(median));
    // The later years have no "last year" of their own (the rule of every change against last year).
    expect((await fullCost(itc, 2028)).institutions.every((i) => i.previousYearFull === null)).toBe(true);
    // The price list: a service's unit cost is its cost over everything consumed.
    const ws = answer.priceList.find((p) => p.serviceCode === 'WS')!;
    expect(ws.quantity).toBe('8100');
    expect(ws.unitCost).toBe(parseMoney(ws.cost!).div(8100).toDecimalPlaces(4).toFixed(4));
  });

  it('stays exact for any quantities and central amounts (property over the real database)', async () => {
    const items = (await centralItems()).filter((i) => i.ictServiceCode === 'WS' || i.ictServiceCode === 'LIC');
    const institutions = ['APC', 'FD', 'IKSD', 'ĪD', 'LD', 'RPP', 'SD'];
    // A PUT replaces the service's quantities of every year: the later years are sent as they are.
    const laterYears = (await consumption()).rows.filter(
      (r) => r.serviceCode === items[0]!.ictServiceCode && r.fiscalYear !== 2027,
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 9_999_999 })), {
          minLength: institutions.length,
          maxLength: institutions.length,
        }),
        fc.integer({ min: 0, max: 9_999_999_999 }),
        async (milliQuantities, cents) => {
          const item = lineItemSchema.parse((await itc.get(`/api/line-items/${items[0]!.id}`)).json());
          const amount = toMoneyString(new Decimal(cents).div(100));
          const patched = await itc.patch(
            `/api/line-items/${item.id}`,
            { amounts: { ...item.amounts, '2027': amount } },
            { 'if-match': `"${item.version}"` },
          );
          expect(patched.statusCode, patched.body).toBe(200);
          const rows = institutions.map((institutionCode, i) => ({
            serviceCode: item.ictServiceCode!,
            institutionCode,
            fiscalYear: 2027,
            quantity: new Decimal(milliQuantities[i]!).div(1000).toFixed(),
          }));
          const saved = await putConsumption([...rows, ...laterYears]);
          expect(saved.statusCode, saved.body).toBe(200);
          await expectExactAllocation(2027);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('shows a lead its own institution, the unit costs and the medians only', async () => {
    const answer = await fullCost(lead, 2027);
    expect(answer.institutions.map((i) => i.institutionCode)).toEqual(['IKSD']);
    expect(answer.unallocated).toEqual([]);
    expect(answer.total).toBeNull();
    expect(answer.priceList.every((p) => p.cost === null && p.quantity === null)).toBe(true);
    expect(answer.medians).toEqual((await fullCost(itc, 2027)).medians);
    expect(answer.institutions[0]).toEqual(
      (await fullCost(itc, 2027)).institutions.find((i) => i.institutionCode === 'IKSD'),
    );
    // Its own quantities only, and it cannot record any.
    const own = await consumption(lead);
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.every((r) => r.institutionCode === 'IKSD')).toBe(true);
    const refused = await lead.put(`/api/cycles/${cycle.id}/service-consumption`, [], { 'if-match': own.etag });
    expectProblem(refused, 403);
    // The Finance Department sees nothing of a cycle still open.
    const fd = await t.signIn('fd@riga.example');
    expectProblem(await fd.get(`/api/cycles/${cycle.id}/full-cost`), 404);
  });

  it('gives an institution its bill of IT: the same figures as its row, its own items under them', async () => {
    const row = (await fullCost(itc, 2027)).institutions.find((i) => i.institutionCode === 'IKSD')!;
    const response = await lead.get(`/api/cycles/${cycle.id}/institutions/IKSD/bill?fiscalYear=2027`);
    expect(response.statusCode, response.body).toBe(200);
    const bill = billSchema.parse(response.json());
    expect(bill.institution).toEqual(row);
    expect(toMoneyString(sumMoney(bill.ownItems.map((i) => i.amount)))).toBe(row.own);
    expect(toMoneyString(sumMoney(bill.services.map((s) => s.amount)))).toBe(row.allocated);
    const ws = row.byService.find((s) => s.serviceCode === 'WS')!;
    expect(bill.services.find((s) => s.serviceCode === 'WS')).toMatchObject({ ...ws, unitEn: 'workstations' });
    // Another institution's bill is as missing as one that does not exist.
    const other = expectProblem(await lead.get(`/api/cycles/${cycle.id}/institutions/LD/bill`), 404);
    const unknown = expectProblem(await lead.get(`/api/cycles/${cycle.id}/institutions/NOPE/bill`), 404);
    expect(other).toEqual(unknown);
    expect((await itc.get(`/api/cycles/${cycle.id}/institutions/LD/bill`)).statusCode).toBe(200);
  });

  it('refuses bad consumption listing every problem, and saves nothing', async () => {
    const before = await consumption();
    const badFormat = await itc.put(
      `/api/cycles/${cycle.id}/service-consumption`,
      [
        { serviceCode: 'WS', institutionCode: 'LD', fiscalYear: 2027, quantity: '-1' },
        { serviceCode: 'WS', institutionCode: 'FD', fiscalYear: 2027, quantity: '1,5' },
      ],
      { 'if-match': before.etag },
    );
    const format = expectProblem(badFormat, 400);
    expect(format.errors?.map((e) => e.path)).toEqual(['body.0.quantity', 'body.1.quantity']);

    const badMeaning = await itc.put(
      `/api/cycles/${cycle.id}/service-consumption`,
      [
        { serviceCode: 'WS', institutionCode: 'LD', fiscalYear: 2027, quantity: '12' },
        { serviceCode: 'NOPE', institutionCode: 'LD', fiscalYear: 2027, quantity: '1' },
        { serviceCode: 'WS', institutionCode: 'XX', fiscalYear: 2031, quantity: '1' },
        { serviceCode: 'WS', institutionCode: 'LD', fiscalYear: 2027, quantity: '3' },
      ],
      { 'if-match': before.etag },
    );
    const meaning = expectProblem(badMeaning, 422);
    expect(meaning.errors?.map((e) => e.path)).toEqual([
      'body.1.serviceCode',
      'body.2.institutionCode',
      'body.2.fiscalYear',
      'body.3.quantity',
    ]);
    expectProblem(await itc.put(`/api/cycles/${cycle.id}/service-consumption`, []), 428);
    expectProblem(await itc.put(`/api/cycles/${cycle.id}/service-consumption`, [], { 'if-match': '"999"' }), 412);
    const after = await consumption();
    expect(after.rows).toEqual(before.rows);
    expect(after.version).toBe(before.version);
  });

  it('leaves a service nobody consumes, or one attributed directly, unallocated — never spread', async () => {
    const dc = (await consumption()).rows.filter((r) => r.serviceCode === 'DC').map((r) => ({ ...r, quantity: '0' }));
    expect((await putConsumption(dc)).statusCode).toBe(200);
    const dcCost = toMoneyString(
      sumMoney((await centralItems()).filter((i) => i.ictServiceCode === 'DC').map((i) => i.amounts['2028']!)),
    );
    let answer = await expectExactAllocation(2028);
    expect(answer.unallocated).toEqual([expect.objectContaining({ serviceCode: 'DC', amount: dcCost })]);

    // Printing attributed directly: its quantities are refused, and its items (which name no
    // beneficiaries) stay unallocated.
    const drivers = serviceDriversSchema.parse((await itc.get(`/api/cycles/${cycle.id}/service-drivers`)).json());
    const etag = `"${drivers.version}"`;
    const withDirect = drivers.services
      .filter((s) => s.unitEn !== null)
      .map((s) => ({
        serviceCode: s.serviceCode,
        unitLv: s.unitLv!,
        unitEn: s.serviceCode === 'PRINT' ? 'direct' : s.unitEn!,
      }));
    const changed = await itc.put(`/api/cycles/${cycle.id}/service-drivers`, withDirect, { 'if-match': etag });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(serviceDriversSchema.parse(changed.json()).services.find((s) => s.serviceCode === 'PRINT')!.direct).toBe(
      true,
    );
    answer = await fullCost(itc, 2028);
    expect(answer.unallocated.map((u) => u.serviceCode)).toEqual(['DC', 'PRINT']);
    expect(
      toMoneyString(sumMoney([...answer.institutions.map((i) => i.full), ...answer.unallocated.map((u) => u.amount)])),
    ).toBe(await consolidatedTotal(2028));
    const refused = await putConsumption([
      { serviceCode: 'PRINT', institutionCode: 'LD', fiscalYear: 2028, quantity: '5' },
    ]);
    expect(expectProblem(refused, 422).errors?.map((e) => e.path)).toEqual(['body.0.serviceCode']);

    const stale = await itc.put(`/api/cycles/${cycle.id}/service-drivers`, withDirect, { 'if-match': etag });
    expectProblem(stale, 412);
    const unknown = await itc.put(
      `/api/cycles/${cycle.id}/service-drivers`,
      [{ serviceCode: 'NOPE', unitLv: 'gab.', unitEn: 'pieces' }],
      { 'if-match': changed.headers.etag as string },
    );
    expect(expectProblem(unknown, 422).errors?.map((e) => e.path)).toEqual(['body.0.serviceCode']);
  });

  it('classifies the budget by TBM cost pool and tower, the unmapped apart, with the share mapped', async () => {
    for (const by of ['tbm_cost_pool', 'tbm_tower']) {
      const answer = consolidationSchema.parse(
        (await itc.get(`/api/cycles/${cycle.id}/consolidation?by=${by}&lang=lv`)).json(),
      );
      expect(answer.attribution).toBe('partition');
      const unmapped = answer.rows.find((r) => r.key === '');
      if (unmapped) expect(unmapped.label).toBe('(nav piesaistīts TBM)');
      for (const year of ['2027', '2028', '2029']) {
        expect(toMoneyString(sumMoney(answer.rows.map((r) => r.amounts[year]!)))).toBe(answer.total.amounts[year]);
        const total = parseMoney(answer.total.amounts[year]!);
        const mapped = total.minus(unmapped?.amounts[year] ?? '0');
        expect(answer.mappedShare?.[year]).toBe(mapped.div(total).times(100).toDecimalPlaces(1).toFixed(1));
      }
    }
    const towers = consolidationSchema.parse(
      (await itc.get(`/api/cycles/${cycle.id}/consolidation?by=tbm_tower`)).json(),
    );
    // The workstation service is the end user tower (seeds/data/service_tbm.csv).
    expect(towers.rows.map((r) => r.key)).toContain('END_USER');
  });

  it('starts next year from this year’s drivers and quantities (rollover)', async () => {
    const created = await itc.post('/api/cycles', {
      year: 2028,
      title: 'IKT budžets 2028–2030',
      baseCycleId: cycle.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const next = cycleSchema.parse(created.json());
    const rolled = await itc.post(`/api/cycles/${next.id}/rollover`);
    expect(rolled.statusCode, rolled.body).toBe(200);
    rolloverResultSchema.parse(rolled.json());

    const drivers = (id: number) =>
      itc.get(`/api/cycles/${id}/service-drivers`).then((r) => serviceDriversSchema.parse(r.json()).services);
    expect(await drivers(next.id)).toEqual(await drivers(cycle.id));
    const quantities = (id: number) =>
      itc.get(`/api/cycles/${id}/service-consumption`).then((r) => serviceConsumptionSchema.parse(r.json()).rows);
    const base = await quantities(cycle.id);
    const copied = await quantities(next.id);
    for (const year of [2028, 2029, 2030]) {
      const from = Math.min(year, 2029);
      const strip = (rows: ServiceConsumptionRow[], y: number) =>
        rows.filter((r) => r.fiscalYear === y).map(({ fiscalYear: _, ...rest }) => rest);
      expect(strip(copied, year), String(year)).toEqual(strip(base, from));
    }
  });
});
