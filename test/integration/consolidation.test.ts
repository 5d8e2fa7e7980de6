import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLIDATION_DIMENSIONS, consolidationSchema, type Consolidation } from '@ikt/shared/consolidation.schema';
import { parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { readSeedCsv } from '@ikt/seeds/csv';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

const { t, itc } = demoAppForFile({ itc: ITC_FINANCE });
let cycleId: number;
const YEARS = ['2027', '2028', '2029'];

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
});

async function consolidate(client: TestClient, query: string): Promise<Consolidation> {
  const response = await client.get(`/api/cycles/${cycleId}/consolidation?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return consolidationSchema.parse(response.json());
}

const rowSum = (rows: Consolidation['rows'], year: string) =>
  toMoneyString(sumMoney(rows.map((r) => r.amounts[year]!)));

describe('consolidation', () => {
  it('has the same grand total by every dimension, equal to the sum of the sub-programme totals', async () => {
    const subProgrammes = subProgrammeListSchema.parse((await itc.get(`/api/cycles/${cycleId}/sub-programmes`)).json());
    const expected = Object.fromEntries(
      YEARS.map((y) => [y, toMoneyString(sumMoney(subProgrammes.map((s) => s.totals[y]!)))]),
    );
    for (const by of CONSOLIDATION_DIMENSIONS) {
      const result = await consolidate(itc, `by=${by}`);
      expect(result.total.amounts, by).toEqual(expected);
      expect(result.fiscalYears).toEqual([2027, 2028, 2029]);
    }
  });

  it('partitions the items: rows add up to the total exactly (EKK: its top level)', async () => {
    for (const by of CONSOLIDATION_DIMENSIONS.filter((d) => d !== 'goal')) {
      const result = await consolidate(itc, `by=${by}`);
      expect(result.attribution).toBe('partition');
      const rows = by === 'ekk' ? result.rows.filter((r) => r.level === 1) : result.rows;
      for (const year of YEARS) expect(rowSum(rows, year), `${by} ${year}`).toBe(result.total.amounts[year]);
    }
  });

  it('gives EKK with its hierarchy: every parent row is the sum of its children', async () => {
    const result = await consolidate(itc, 'by=ekk');
    for (const row of result.rows) {
      const children = result.rows.filter((r) => r.parentKey === row.key);
      if (children.length === 0) continue;
      expect(row.level).toBe(children[0]!.level! - 1);
      // A parent may also carry items booked on itself only if it is a leaf, which it is not here.
      for (const year of YEARS) expect(rowSum(children, year)).toBe(row.amounts[year]);
    }
    expect(result.rows.find((r) => r.key === '2251')).toMatchObject({ level: 4, parentKey: '2250' });
  });

  it('by goal attributes an item in full to each of its goals, and says so', async () => {
    const result = await consolidate(itc, 'by=goal');
    expect(result.attribution).toBe('full-to-each');
    expect(result.rows.map((r) => r.key)).toEqual(expect.arrayContaining(['M1', 'M5', 'M7']));
    // Items with several goals make the rows add up to more than the total.
    expect(parseMoney(rowSum(result.rows, '2027')).greaterThan(result.total.amounts['2027']!)).toBe(true);
  });

  it('compares with last year’s approved figure per key', async () => {
    const demo = await readSeedCsv('demo_line_items.csv');
    const result = await consolidate(itc, 'by=institution&lang=en');
    expect(result.total.previousYear).toBe(toMoneyString(sumMoney(demo.map((r) => r.previous_approved!))));
    const itcRow = result.rows.find((r) => r.key === 'ITC')!;
    expect(itcRow.label).toBe('Riga City Council Information Technology Centre');
    const itcDemo = demo.filter((r) => r.institution_code === 'ITC');
    expect(itcRow.previousYear).toBe(toMoneyString(sumMoney(itcDemo.map((r) => r.previous_approved!))));
    expect(itcRow.change).toBe(
      toMoneyString(
        sumMoney(itcDemo.map((r) => r.amount_n!)).minus(sumMoney(itcDemo.map((r) => r.previous_approved!))),
      ),
    );
    expect(itcRow.changePercent).toMatch(/^-?\d+\.\d$/);
  });

  it('filters by cost nature and institution', async () => {
    const demo = await readSeedCsv('demo_line_items.csv');
    const maintenance = await consolidate(itc, 'by=institution&costNature=maintenance');
    expect(maintenance.total.amounts['2027']).toBe(
      toMoneyString(sumMoney(demo.filter((r) => r.cost_nature === 'maintenance').map((r) => r.amount_n!))),
    );
    const ld = await consolidate(itc, 'by=priority&institution=LD');
    expect(ld.total.amounts['2027']).toBe(
      toMoneyString(sumMoney(demo.filter((r) => r.institution_code === 'LD').map((r) => r.amount_n!))),
    );
    expect(ld.rows.map((r) => r.key)).toEqual(
      ['mandatory', 'high', 'medium', 'low'].filter((k) => ld.rows.some((r) => r.key === k)),
    );
  });

  it('an institution lead consolidates its own institution only', async () => {
    const lead = await t.signIn('lead.ld@riga.example');
    const own = await consolidate(lead, 'by=institution');
    expect(own.rows.filter((r) => r.amounts['2027'] !== '0.00').map((r) => r.key)).toEqual(['LD']);
    expectProblem(await lead.get(`/api/cycles/${cycleId}/consolidation?by=institution&institution=IKSD`), 404);
  });

  it('the Finance Department sees no consolidation of an open cycle; bad dimensions are 400', async () => {
    const fd = await t.signIn('fd@riga.example');
    expectProblem(await fd.get(`/api/cycles/${cycleId}/consolidation?by=institution`), 404);
    expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation?by=colour`), 400);
    expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation`), 400);
  });
});
