import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { readSeedCsv } from './csv';

const splitCodes = (value: string | undefined) => (value ? value.split(';').filter(Boolean) : []);
const optionalNumeric = (value: string | undefined) => (value && value.trim() !== '' ? value.trim() : null);

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
    await trx
      .insertInto('institution')
      .values(
        institutions.map((r) => ({
          code: r.code!,
          name_lv: r.name_lv!,
          name_en: r.name_en!,
          is_itc: r.is_itc === 'true',
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    // Parents before children; a code with no children is a leaf, the only kind an item may use.
    const parents = new Set(ekk.map((r) => r.parent).filter(Boolean));
    await trx
      .insertInto('ekk_code')
      .values(
        ekk.map((r) => ({
          code: r.code!,
          parent_code: r.parent || null,
          name_lv: r.name_lv!,
          name_en: r.name_en!,
          selectable: !parents.has(r.code),
          verified: r.verified === 'yes',
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    await trx
      .insertInto('goal')
      .values(
        goals.map((r) => ({
          code: r.code!,
          group_lv: r.group_lv!,
          group_en: r.group_en!,
          name_lv: r.name_lv!,
          name_en: r.name_en!,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    await trx
      .insertInto('action_direction')
      .values(directions.map((r) => ({ code: r.code!, name_lv: r.name_lv!, name_en: r.name_en! })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

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
    await trx
      .insertInto('goal_action_direction')
      .values([...links.values()])
      .onConflict((oc) => oc.columns(['goal_code', 'action_direction_code']).doNothing())
      .execute();

    await trx
      .insertInto('ict_service')
      .values(services.map((r) => ({ code: r.code!, name_lv: r.name_lv!, name_en: r.name_en!, basis: r.basis ?? '' })))
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    await trx
      .insertInto('information_system')
      .values(
        systems.map((r) => ({
          code: r.code!,
          name: r.name!,
          function_lv: r.function_lv!,
          function_en: r.function_en!,
          kind: r.kind!,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();

    await trx
      .insertInto('benchmark')
      .values(
        benchmarks.map((r) => ({
          indicator: r.indicator!,
          riga_2015: optionalNumeric(r.riga_2015),
          peer_average: optionalNumeric(r.peer_average),
          unit: r.unit!,
          source: r.source!,
        })),
      )
      .onConflict((oc) => oc.column('indicator').doNothing())
      .execute();

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
