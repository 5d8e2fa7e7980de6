import { describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { consolidationSchema, type Consolidation } from '@ikt/shared/consolidation.schema';
import {
  ekkCodeListSchema,
  ekkCodeSchema,
  ictServiceListSchema,
  ictServiceSchema,
  tbmCategoryListSchema,
  tbmCategorySchema,
  type TbmCategory,
} from '@ikt/shared/reference.schema';
import { parseMoney, toMoneyString } from '@ikt/shared/money';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ADMIN, ITC_FINANCE, cycleIdWithStatus, leadOf } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * The TBM cost pools and towers are reference data an administrator maintains (DESIGN §11), with
 * the crosswalks from EKK codes and ICT services; the consolidation by pool and by tower follows
 * what the administrator set.
 */

const { admin, itc, lead } = demoAppForFile({ admin: ADMIN, itc: ITC_FINANCE, lead: leadOf('IKSD') });
const EN = { 'accept-language': 'en' };

async function categories(client: TestClient, path: string): Promise<TbmCategory[]> {
  const response = await client.get(path);
  expect(response.statusCode, response.body).toBe(200);
  return tbmCategoryListSchema.parse(response.json());
}

async function consolidation(client: TestClient, cycleId: number, by: string): Promise<Consolidation> {
  const response = await client.get(`/api/cycles/${cycleId}/consolidation?by=${by}`);
  expect(response.statusCode, response.body).toBe(200);
  return consolidationSchema.parse(response.json());
}
const rowOf = (answer: Consolidation, key: string) => answer.rows.find((r) => r.key === key);

describe.each([
  { path: '/api/tbm-cost-pools', seeded: 'SOFTWARE', entityType: 'tbm_cost_pool', action: 'tbmCostPool' },
  { path: '/api/tbm-towers', seeded: 'END_USER', entityType: 'tbm_tower', action: 'tbmTower' },
])('$path', ({ path, seeded, entityType, action }) => {
  it('lists the seeded entries to everyone signed in, with their versions', async () => {
    const list = await categories(lead, path);
    expect(list.find((c) => c.code === seeded)).toMatchObject({ active: true, version: 1 });
    expect(list.map((c) => c.code)).toEqual([...list.map((c) => c.code)].sort());
  });

  it('lets an administrator add, rename and deactivate an entry, If-Match guarding each change, audited', async () => {
    const created = await admin.post(path, { code: 'TEST_ENTRY', nameLv: 'Pārbaude', nameEn: 'Test' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    expect(tbmCategorySchema.parse(created.json())).toEqual({
      code: 'TEST_ENTRY',
      nameLv: 'Pārbaude',
      nameEn: 'Test',
      active: true,
      version: 1,
    });
    expectProblem(await admin.post(path, { code: 'TEST_ENTRY', nameLv: 'Cits', nameEn: 'Other' }), 409);

    expectProblem(await admin.patch(`${path}/TEST_ENTRY`, { nameLv: 'Bez versijas' }), 428);
    const renamed = await admin.patch(`${path}/TEST_ENTRY`, { nameLv: 'Pārdēvēts' }, { 'if-match': '"1"' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.headers.etag).toBe('"2"');
    expect(tbmCategorySchema.parse(renamed.json())).toMatchObject({ nameLv: 'Pārdēvēts', nameEn: 'Test', version: 2 });
    // An edit based on what was read before the rename is refused, and changes nothing.
    expectProblem(await admin.patch(`${path}/TEST_ENTRY`, { active: false }, { 'if-match': '"1"' }), 412);
    const deactivated = await admin.patch(`${path}/TEST_ENTRY`, { active: false }, { 'if-match': '"2"' });
    expect(tbmCategorySchema.parse(deactivated.json())).toMatchObject({ nameLv: 'Pārdēvēts', active: false });
    expect((await categories(lead, path)).find((c) => c.code === 'TEST_ENTRY')).toMatchObject({
      active: false,
      version: 3,
    });

    const events = auditEventListSchema
      .parse((await admin.get(`/api/audit?entityType=${entityType}&limit=100`)).json())
      .filter((e) => e.entityId === 'TEST_ENTRY')
      .map((e) => e.action)
      .reverse();
    expect(events).toEqual([`${action}.create`, `${action}.update`, `${action}.update`]);
  });

  it('names every field problem, answers an unknown entry 404, and leaves the list as it was', async () => {
    const before = await categories(lead, path);
    const bad = expectProblem(await admin.post(path, { code: 'lower', nameLv: '', nameEn: 'x' }, EN), 400);
    expect(bad.errors?.map((e) => e.path).sort()).toEqual(['body.code', 'body.nameLv']);
    expect(bad.errors?.find((e) => e.path === 'body.code')?.message).toMatch(/capital letters/);
    expectProblem(await admin.patch(`${path}/NO_SUCH`, { nameLv: 'X' }, { 'if-match': '"1"' }), 404);
    expect(await categories(lead, path)).toEqual(before);
  });

  it('refuses anyone but an administrator', async () => {
    const before = await categories(lead, path);
    for (const client of [itc, lead]) {
      expectProblem(await client.post(path, { code: 'NOT_ADMIN', nameLv: 'X', nameEn: 'X' }), 403);
      expectProblem(await client.patch(`${path}/${seeded}`, { nameLv: 'X' }, { 'if-match': '"1"' }), 403);
    }
    expect(await categories(lead, path)).toEqual(before);
  });
});

describe('the crosswalks', () => {
  it('maps an EKK code to a cost pool and a service to a tower; unknown or deactivated codes are 422', async () => {
    const ekk = ekkCodeListSchema.parse((await lead.get('/api/ekk-codes')).json()).find((c) => c.code === '2251');
    expect(ekk?.tbmCostPoolCode).toBe('OUTSIDE_SERVICES');
    const service = ictServiceListSchema
      .parse((await lead.get('/api/ict-services')).json())
      .find((s) => s.code === 'DC');
    expect(service?.tbmTowerCode).toBe('STORAGE');

    const unknownPool = expectProblem(await admin.patch('/api/ekk-codes/2251', { tbmCostPoolCode: 'NO_SUCH' }), 422);
    expect(unknownPool.errors?.map((e) => e.path)).toEqual(['body.tbmCostPoolCode']);
    const unknownTower = expectProblem(
      await admin.post('/api/ict-services', {
        code: 'NEWSVC',
        nameLv: 'Jauns',
        nameEn: 'New',
        tbmTowerCode: 'NO_SUCH',
      }),
      422,
    );
    expect(unknownTower.errors?.map((e) => e.path)).toEqual(['body.tbmTowerCode']);
    expect(ictServiceListSchema.parse((await lead.get('/api/ict-services')).json()).map((s) => s.code)).not.toContain(
      'NEWSVC',
    );

    await admin.post('/api/tbm-towers', { code: 'RETIRED_TOWER', nameLv: 'Vecs', nameEn: 'Old' });
    await admin.patch('/api/tbm-towers/RETIRED_TOWER', { active: false }, { 'if-match': '"1"' });
    const inactive = expectProblem(
      await admin.patch('/api/ict-services/DC', { tbmTowerCode: 'RETIRED_TOWER' }, EN),
      422,
    );
    expect(inactive.errors).toEqual([{ path: 'body.tbmTowerCode', message: 'This TBM category is no longer used' }]);
    expectProblem(await itc.patch('/api/ict-services/DC', { tbmTowerCode: 'COMPUTE' }), 403);
    expect(
      ictServiceListSchema.parse((await lead.get('/api/ict-services')).json()).find((s) => s.code === 'DC')
        ?.tbmTowerCode,
    ).toBe('STORAGE');
  });

  it('the consolidation by cost pool and by tower follows an administrator’s mapping', async () => {
    const cycleId = await cycleIdWithStatus(itc, 'open');
    const byEkk = await consolidation(itc, cycleId, 'ekk');
    const byService = await consolidation(itc, cycleId, 'ict_service');
    const ekkRow = rowOf(byEkk, '2251')!;
    const serviceRow = rowOf(byService, 'DC')!;
    expect(ekkRow).toBeDefined();
    expect(serviceRow).toBeDefined();
    const poolsBefore = await consolidation(itc, cycleId, 'tbm_cost_pool');
    const towersBefore = await consolidation(itc, cycleId, 'tbm_tower');
    expect(rowOf(poolsBefore, 'REMAPPED_POOL')).toBeUndefined();

    await admin.post('/api/tbm-cost-pools', { code: 'REMAPPED_POOL', nameLv: 'Pārkārtots', nameEn: 'Remapped' });
    await admin.post('/api/tbm-towers', { code: 'REMAPPED_TOWER', nameLv: 'Pārkārtots', nameEn: 'Remapped' });
    const ekk = await admin.patch('/api/ekk-codes/2251', { tbmCostPoolCode: 'REMAPPED_POOL' });
    expect(ekkCodeSchema.parse(ekk.json()).tbmCostPoolCode).toBe('REMAPPED_POOL');
    const service = await admin.patch('/api/ict-services/DC', { tbmTowerCode: 'REMAPPED_TOWER' });
    expect(ictServiceSchema.parse(service.json()).tbmTowerCode).toBe('REMAPPED_TOWER');

    const pools = await consolidation(itc, cycleId, 'tbm_cost_pool');
    const towers = await consolidation(itc, cycleId, 'tbm_tower');
    expect(rowOf(pools, 'REMAPPED_POOL')?.amounts).toEqual(ekkRow.amounts);
    expect(rowOf(towers, 'REMAPPED_TOWER')?.amounts).toEqual(serviceRow.amounts);
    // What the service cost left the tower it was in (seeds/data/service_tbm.csv: DC is storage).
    const storageAfter = rowOf(towers, 'STORAGE');
    for (const [year, amount] of Object.entries(rowOf(towersBefore, 'STORAGE')!.amounts)) {
      expect(storageAfter?.amounts[year] ?? '0.00').toBe(
        toMoneyString(parseMoney(amount).minus(serviceRow.amounts[year]!)),
      );
    }
    // Moved between rows, not added: the totals are what they were.
    expect(pools.total).toEqual(poolsBefore.total);
    expect(towers.total).toEqual(towersBefore.total);
  });
});
