import { beforeAll, describe, expect, it } from 'vitest';
import {
  CROSS_DIMENSIONS,
  EKK_LEVELS,
  consolidationCrossSchema,
  consolidationSchema,
  type Consolidation,
  type ConsolidationCross,
} from '@ikt/shared/consolidation.schema';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';
import { scenarioInput } from '../helpers/scenario';

/**
 * GET /api/cycles/:id/consolidation/cross — one fiscal year by two dimensions. Every figure must
 * be the one-dimension consolidation's, to the cent: the cells partition the items.
 */
const { t, itc } = demoAppForFile({ itc: ITC_FINANCE });
let cycleId: number;
let approvedId: number;
const YEARS = [2027, 2028, 2029];

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
  approvedId = await cycleIdWithStatus(itc, 'approved');
});

async function cross(client: TestClient, query: string, cycle = cycleId): Promise<ConsolidationCross> {
  const response = await client.get(`/api/cycles/${cycle}/consolidation/cross?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return consolidationCrossSchema.parse(response.json());
}

async function consolidate(client: TestClient, query: string, cycle = cycleId): Promise<Consolidation> {
  const response = await client.get(`/api/cycles/${cycle}/consolidation?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return consolidationSchema.parse(response.json());
}

const sum = (amounts: string[]) => toMoneyString(sumMoney(amounts));

/** The one-dimension figures of a year, key → amount, as the cross-table's axis must show them. */
function axisOf(consolidation: Consolidation, year: number, ekkLevel: number): Record<string, string> {
  const rows =
    consolidation.by === 'ekk'
      ? // The codes of the level, and any code higher up that holds items of its own (a leaf).
        consolidation.rows.filter(
          (row) =>
            row.level === ekkLevel ||
            (row.level! < ekkLevel && !consolidation.rows.some((child) => child.parentKey === row.key)),
        )
      : consolidation.rows;
  return Object.fromEntries(
    rows.filter((row) => row.amounts[String(year)] !== '0.00').map((row) => [row.key, row.amounts[String(year)]!]),
  );
}

/** The cells add up: each row to its total, each column to its, and everything to the total. */
function expectConsistent(table: ConsolidationCross): void {
  for (const row of table.rows) expect(sum(Object.values(row.cells)), `row ${row.key}`).toBe(row.total);
  for (const column of table.columns) {
    expect(sum(table.rows.map((row) => row.cells[column.key] ?? '0')), `column ${column.key}`).toBe(column.total);
  }
  expect(sum(table.rows.map((row) => row.total))).toBe(table.total);
  expect(sum(table.columns.map((column) => column.total))).toBe(table.total);
}

/** Key → total of an axis, without the keys whose items add up to nothing that year (as axisOf). */
const totalsOf = (keys: { key: string; total: string }[]) =>
  Object.fromEntries(keys.filter((k) => k.total !== '0.00').map((k) => [k.key, k.total]));
const nonZero = (cells: Record<string, string>) =>
  Object.fromEntries(Object.entries(cells).filter(([, a]) => a !== '0.00'));

describe('the consolidation by two dimensions (cross-table)', () => {
  it('is institution × EKK level 2 of the first fiscal year by default, with the consolidation’s figures', async () => {
    const table = await cross(itc, '');
    expect(table).toMatchObject({ rowDimension: 'institution', columnDimension: 'ekk', ekkLevel: 2, fiscalYear: 2027 });
    expectConsistent(table);
    const byInstitution = await consolidate(itc, 'by=institution');
    const byEkk = await consolidate(itc, 'by=ekk');
    expect(table.total).toBe(byInstitution.total.amounts['2027']);
    expect(totalsOf(table.rows)).toEqual(axisOf(byInstitution, 2027, 2));
    expect(totalsOf(table.columns)).toEqual(axisOf(byEkk, 2027, 2));
    expect(table.rows.find((row) => row.key === 'ITC')!.label).toBe('Rīgas domes Informācijas tehnoloģiju centrs');
    expect(table.columns.map((column) => column.key)).toEqual(expect.arrayContaining(['2200', '5200']));
  });

  it('agrees with the consolidation to the cent at every EKK level and in every fiscal year', async () => {
    for (const year of YEARS) {
      const byInstitution = await consolidate(itc, 'by=institution');
      const byEkk = await consolidate(itc, 'by=ekk');
      for (const level of EKK_LEVELS) {
        const table = await cross(itc, `fiscalYear=${year}&ekkLevel=${level}`);
        expectConsistent(table);
        expect(table.total, `${year} level ${level}`).toBe(byInstitution.total.amounts[String(year)]);
        expect(totalsOf(table.rows)).toEqual(axisOf(byInstitution, year, level));
        expect(totalsOf(table.columns), `${year} level ${level}`).toEqual(axisOf(byEkk, year, level));
      }
    }
  });

  it('agrees with the consolidation for every pair of dimensions, and under a filter', async () => {
    const one = new Map<string, Consolidation>();
    for (const dimension of CROSS_DIMENSIONS) one.set(dimension, await consolidate(itc, `by=${dimension}`));
    for (const rows of CROSS_DIMENSIONS) {
      for (const columns of CROSS_DIMENSIONS.filter((d) => d !== rows)) {
        const table = await cross(itc, `rows=${rows}&columns=${columns}&fiscalYear=2028&ekkLevel=3`);
        expectConsistent(table);
        expect(table.total, `${rows} × ${columns}`).toBe(one.get(rows)!.total.amounts['2028']);
        expect(totalsOf(table.rows), `${rows} × ${columns}`).toEqual(axisOf(one.get(rows)!, 2028, 3));
        expect(totalsOf(table.columns), `${rows} × ${columns}`).toEqual(axisOf(one.get(columns)!, 2028, 3));
      }
    }
    const filtered = await cross(itc, 'costNature=maintenance&institution=ITC');
    const oneFiltered = await consolidate(itc, 'by=ekk&costNature=maintenance&institution=ITC');
    expectConsistent(filtered);
    expect(filtered.rows.map((row) => row.key)).toEqual(['ITC']);
    expect(filtered.total).toBe(oneFiltered.total.amounts['2027']);
    expect(totalsOf(filtered.columns)).toEqual(axisOf(oneFiltered, 2027, 2));
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await itc.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(document.paths).toHaveProperty(['/api/cycles/{id}/consolidation/cross']);
  });

  it('words its labels in the language asked for', async () => {
    const table = await cross(itc, 'rows=cost_nature&columns=ekk&ekkLevel=1&lang=en');
    expect(table.rows.map((row) => row.label)).toEqual(expect.arrayContaining(['Maintenance', 'Development']));
    expect(table.columns.find((column) => column.key === '2000')!.label).toBe('Goods and services');
  });

  it('gives an institution lead its own institution only, and another’s answers 404 as a missing cycle does', async () => {
    const lead = await t.signIn('lead.iksd@riga.example');
    const own = await cross(lead, '');
    expect(own.rows.map((row) => row.key)).toEqual(['IKSD']);
    expectConsistent(own);
    expect(own.total).toBe((await consolidate(lead, 'by=institution')).total.amounts['2027']);
    // The columns are its own institution's EKK codes only, not the city's.
    expect(totalsOf(own.columns)).toEqual(nonZero(own.rows[0]!.cells));
    const ownLeaves = await cross(lead, 'ekkLevel=4');
    expect(ownLeaves.columns.length).toBeLessThan((await cross(itc, 'ekkLevel=4')).columns.length);
    expect(JSON.stringify(own)).not.toMatch(/"(APC|ITC|LD|RPP)"/);

    const missing = expectProblem(await lead.get('/api/cycles/999999/consolidation/cross'), 404);
    for (const query of ['institution=APC', 'institution=ITC&rows=sub_programme', 'rows=institution&institution=LD']) {
      const other = expectProblem(await lead.get(`/api/cycles/${cycleId}/consolidation/cross?${query}`), 404);
      expect(other).toEqual(missing);
    }
    // Naming its own institution is the same as naming none.
    expect(await cross(lead, 'institution=IKSD')).toEqual(own);
  });

  it('shows the Finance Department the cycles past open only', async () => {
    const fd = await t.signIn('fd@riga.example');
    const missing = expectProblem(await fd.get('/api/cycles/999999/consolidation/cross'), 404);
    expect(expectProblem(await fd.get(`/api/cycles/${cycleId}/consolidation/cross`), 404)).toEqual(missing);
    const approved = await cross(fd, '', approvedId);
    expect(approved.fiscalYear).toBe(2026);
    expect(approved.total).toBe((await consolidate(fd, 'by=institution', approvedId)).total.amounts['2026']);
    expectProblem(await t.anonymous.get(`/api/cycles/${approvedId}/consolidation/cross`), 401);
  });

  it('refuses what it cannot answer: one dimension twice, goal, a year outside the cycle, a level outside 1–4', async () => {
    const same = expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation/cross?rows=ekk&columns=ekk`), 400);
    expect(same.errors).toEqual([
      { path: 'querystring.columns', message: 'Rindām un kolonnām jābūt dažādām dimensijām' },
    ]);
    expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation/cross?columns=goal`), 400);
    expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation/cross?ekkLevel=5`), 400);
    expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation/cross?fiscalYear=20x7`), 400);
    const year = expectProblem(await itc.get(`/api/cycles/${cycleId}/consolidation/cross?fiscalYear=2031`), 422);
    expect(year.errors?.[0]?.path).toBe('querystring.fiscalYear');
  });

  it('counts cut items zero in every cell and shows them apart, as the consolidation does', async () => {
    await itc.post(`/api/cycles/${cycleId}/transition`, { to: 'review' });
    const scenario = (
      await itc.post(
        `/api/cycles/${cycleId}/scenarios`,
        scenarioInput('Izslēgšanas pārbaude', 'priority', 'percent', '5'),
      )
    ).json() as { id: number };
    const council = await t.signIn('council@riga.example');
    expect((await council.post(`/api/scenarios/${scenario.id}/adopt`)).statusCode).toBe(200);

    const byInstitution = await consolidate(itc, 'by=institution');
    expect(byInstitution.cut.itemCount).toBeGreaterThan(0);
    for (const year of YEARS) {
      const table = await cross(itc, `fiscalYear=${year}`);
      expectConsistent(table);
      expect(table.total).toBe(byInstitution.total.amounts[String(year)]);
      expect(table.cut.amount).toBe(byInstitution.cut.amounts[String(year)]);
      expect(totalsOf(table.rows)).toEqual(axisOf(byInstitution, year, 2));
    }
    expect((await cross(itc, 'fiscalYear=2027')).cut.itemCount).toBe(byInstitution.cut.itemCount);
  });
});
