import type { InsertObject, Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { readSeedCsv } from './csv';

const splitCodes = (value: string | undefined) => (value ? value.split(';').filter(Boolean) : []);
const optionalNumeric = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

/** Adds the rows whose key (`conflictColumns`) is not there yet; rows already there are left alone. */
async function addMissing<T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  rows: InsertObject<Database, T>[],
  conflictColumns: (keyof Database[T] & string)[],
): Promise<void> {
  await trx
    .insertInto(table)
    .values(rows)
    .onConflict((oc) => oc.columns(conflictColumns).doNothing())
    .execute();
}

/**
 * Loads the reference data shipped in seeds/data. Idempotent and respectful of an admin's work:
 * rows that already exist are left as they are (an admin may have renamed, retired or re-marked
 * them in the tool); only missing rows are added.
 */
export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
  const [institutions, ekk, goals, directions, services, systems, benchmarks, pools, towers, ekkPools, serviceTowers] =
    await Promise.all([
      readSeedCsv('institutions.csv'),
      readSeedCsv('ekk.csv'),
      readSeedCsv('goals.csv'),
      readSeedCsv('action_directions.csv'),
      readSeedCsv('ict_services.csv'),
      readSeedCsv('information_systems.csv'),
      readSeedCsv('benchmarks.csv'),
      readSeedCsv('tbm_cost_pools.csv'),
      readSeedCsv('tbm_towers.csv'),
      readSeedCsv('ekk_tbm.csv'),
      readSeedCsv('service_tbm.csv'),
    ]);

  await db.transaction().execute(async (trx) => {
    await addMissing(
      trx,
      'institution',
      institutions.map((r) => ({
        code: r.code!,
        name_lv: r.name_lv!,
        name_en: r.name_en!,
        is_itc: r.is_itc === 'true',
      })),
      ['code'],
    );

    // Parents before children; a code with no children is a leaf, the only kind an item may use.
    const parents = new Set(ekk.map((r) => r.parent).filter(Boolean));
    await addMissing(
      trx,
      'ekk_code',
      ekk.map((r) => ({
        code: r.code!,
        parent_code: r.parent || null,
        name_lv: r.name_lv!,
        name_en: r.name_en!,
        selectable: !parents.has(r.code),
        verified: r.verified === 'yes',
      })),
      ['code'],
    );

    await addMissing(
      trx,
      'goal',
      goals.map((r) => ({
        code: r.code!,
        group_lv: r.group_lv!,
        group_en: r.group_en!,
        name_lv: r.name_lv!,
        name_en: r.name_en!,
      })),
      ['code'],
    );

    await addMissing(
      trx,
      'action_direction',
      directions.map((r) => ({ code: r.code!, name_lv: r.name_lv!, name_en: r.name_en! })),
      ['code'],
    );

    // Both files state the goal ↔ action direction links; take the union.
    const links = new Map<string, { goal_code: string; action_direction_code: string }>();
    for (const goal of goals) {
      for (const direction of splitCodes(goal.action_directions)) {
        links.set(`${goal.code}|${direction}`, { goal_code: goal.code!, action_direction_code: direction });
      }
    }
    for (const direction of directions) {
      for (const goal of splitCodes(direction.goals)) {
        links.set(`${goal}|${direction.code}`, { goal_code: goal, action_direction_code: direction.code! });
      }
    }
    await addMissing(trx, 'goal_action_direction', [...links.values()], ['goal_code', 'action_direction_code']);

    await addMissing(
      trx,
      'ict_service',
      services.map((r) => ({ code: r.code!, name_lv: r.name_lv!, name_en: r.name_en!, basis: r.basis ?? '' })),
      ['code'],
    );

    await addMissing(
      trx,
      'information_system',
      systems.map((r) => ({
        code: r.code!,
        name: r.name!,
        function_lv: r.function_lv!,
        function_en: r.function_en!,
        kind: r.kind!,
      })),
      ['code'],
    );

    await addMissing(
      trx,
      'benchmark',
      benchmarks.map((r) => ({
        indicator: r.indicator!,
        riga_2015: optionalNumeric(r.riga_2015),
        peer_average: optionalNumeric(r.peer_average),
        unit: r.unit!,
        source: r.source!,
      })),
      ['indicator'],
    );

    // The TBM crosswalks are written once, with their tables: afterwards an admin's mapping
    // (or a mapping an admin removed) is theirs, and a restart does not put the seed's back.
    if (await isEmpty(trx, 'tbm_cost_pool')) {
      await trx.insertInto('tbm_cost_pool').values(pools.map(named)).execute();
      for (const r of ekkPools) {
        await trx
          .updateTable('ekk_code')
          .set({ tbm_cost_pool_code: r.tbm_cost_pool! })
          .where('code', '=', r.ekk_code!)
          .execute();
      }
    }
    if (await isEmpty(trx, 'tbm_tower')) {
      await trx.insertInto('tbm_tower').values(towers.map(named)).execute();
      for (const r of serviceTowers) {
        await trx
          .updateTable('ict_service')
          .set({ tbm_tower_code: r.tbm_tower! })
          .where('code', '=', r.service_code!)
          .execute();
      }
    }
  });
}

const named = (r: Record<string, string | undefined>) => ({ code: r.code!, name_lv: r.name_lv!, name_en: r.name_en! });

async function isEmpty(db: Kysely<Database>, table: 'tbm_cost_pool' | 'tbm_tower'): Promise<boolean> {
  return (await db.selectFrom(table).select('code').limit(1).executeTakeFirst()) === undefined;
}
