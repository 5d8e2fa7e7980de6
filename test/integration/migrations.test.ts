import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@ikt/db/create-db';
import { migrateDownToZero, migrateToLatest } from '@ikt/db/migrate';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { createTestDatabase } from '../helpers/database';

const TABLES = [
  'action_direction',
  'app_user',
  'audit_event',
  'benchmark',
  'budget_cycle',
  'ekk_code',
  'goal',
  'goal_action_direction',
  'ict_service',
  'information_system',
  'institution',
  'line_item',
  'line_item_amount',
  'line_item_beneficiary',
  'line_item_goal',
  'line_item_stage',
  'login_attempt',
  'review_comment',
  'scenario',
  'scenario_cut',
  'service_consumption',
  'service_driver',
  'session',
  'sub_programme',
  'submission_snapshot',
  'tbm_cost_pool',
  'tbm_tower',
];

async function publicTables(handle: DbHandle): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely_%' ORDER BY table_name`.execute(handle.db);
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDatabase({ empty: true });
  });
  afterAll(async () => {
    await handle.close();
  });

  it('go up, all the way down, and up again', async () => {
    const firstRun = await migrateToLatest(handle.db);
    expect(firstRun.length).toBeGreaterThanOrEqual(3);
    expect(await publicTables(handle)).toEqual(TABLES);

    const undone = await migrateDownToZero(handle.db);
    expect(undone).toEqual([...firstRun].reverse());
    expect(await publicTables(handle)).toEqual([]);

    expect(await migrateToLatest(handle.db)).toEqual(firstRun);
    expect(await publicTables(handle)).toEqual(TABLES);
    // A second run finds nothing to do.
    expect(await migrateToLatest(handle.db)).toEqual([]);
  });

  it('hold the money, fiscal-year, central and audit rules in the database itself', async () => {
    await seedReferenceData(handle.db);
    const db = handle.db;
    const itc = await db.selectFrom('institution').select('id').where('is_itc', '=', true).executeTakeFirstOrThrow();
    const other = await db.selectFrom('institution').select('id').where('code', '=', 'IKSD').executeTakeFirstOrThrow();
    const cycle = await db
      .insertInto('budget_cycle')
      .values({ year: 2031, title: 'Test' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const central = await db
      .insertInto('sub_programme')
      .values({ cycle_id: cycle.id, code: 'IKT.ITC.01', name: 'Central', kind: 'central', institution_id: itc.id })
      .returning('id')
      .executeTakeFirstOrThrow();

    // One central sub-programme per cycle, and only ITC may own it.
    await expect(
      db
        .insertInto('sub_programme')
        .values({ cycle_id: cycle.id, code: 'IKT.ITC.02', name: 'Second', kind: 'central', institution_id: itc.id })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' });
    await expect(
      db
        .insertInto('sub_programme')
        .values({ cycle_id: cycle.id, code: 'IKT.IKSD.09', name: 'X', kind: 'central', institution_id: other.id })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });

    const item = await db
      .insertInto('line_item')
      .values({
        sub_programme_id: central.id,
        title: 'Serveri',
        ekk_code: '2251',
        cost_nature: 'maintenance',
        priority: 'high',
        rank: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // The largest amount NUMERIC(14,2) holds comes back to the cent, as a string.
    await db
      .insertInto('line_item_amount')
      .values({ line_item_id: item.id, fiscal_year: 2031, amount: '999999999999.99' })
      .execute();
    const stored = await db
      .selectFrom('line_item_amount')
      .select('amount')
      .where('line_item_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(stored.amount).toBe('999999999999.99');

    await expect(
      db.insertInto('line_item_amount').values({ line_item_id: item.id, fiscal_year: 2032, amount: '-0.01' }).execute(),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      db.insertInto('line_item_amount').values({ line_item_id: item.id, fiscal_year: 2034, amount: '1.00' }).execute(),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      db
        .insertInto('line_item')
        .values({
          sub_programme_id: central.id,
          title: 'Bad',
          ekk_code: '2251',
          cost_nature: 'maintenance',
          priority: 'urgent' as never,
          rank: 1,
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23514' });

    // The audit trail is append-only.
    await db
      .insertInto('audit_event')
      .values({ action: 'test', entity_type: 'line_item', entity_id: String(item.id), after: JSON.stringify({ a: 1 }) })
      .execute();
    await expect(db.updateTable('audit_event').set({ action: 'changed' }).execute()).rejects.toMatchObject({
      code: '42501',
    });
    await expect(db.deleteFrom('audit_event').execute()).rejects.toMatchObject({ code: '42501' });
    await expect(sql`TRUNCATE audit_event`.execute(db)).rejects.toMatchObject({ code: '42501' });
    const events = await db.selectFrom('audit_event').select(['action']).execute();
    expect(events).toEqual([{ action: 'test' }]);
  });
});
