import { sql, type Kysely } from 'kysely';
import type { Database, NewScenarioRow } from '@ikt/db/database';

/** What a scenario shows of an item it may cut: line_item `li`, its sub_programme `sp` and institution `i`. */
const CUT_ITEM_COLUMNS = [
  'li.title',
  'li.priority',
  'li.rank',
  'li.impact_if_cut',
  'sp.code as sub_programme_code',
  'i.code as institution_code',
] as const;

/** Scenarios with their cycle's status (who may read one depends on it). */
function selectScenarios(db: Kysely<Database>) {
  return db
    .selectFrom('scenario as s')
    .innerJoin('budget_cycle as c', 'c.id', 's.cycle_id')
    .selectAll('s')
    .select('c.status as cycle_status');
}

export function createScenariosRepository(db: Kysely<Database>) {
  return {
    /**
     * A fingerprint of the cycle's items (ids, versions, review status): any edit, addition,
     * deletion, review or cut changes it.
     */
    async fingerprint(cycleId: number): Promise<string> {
      const { rows } = await sql<{ fingerprint: string }>`
        SELECT md5(coalesce(string_agg(li.id || ':' || li.version || ':' || li.review_status, ',' ORDER BY li.id), ''))
               AS fingerprint
          FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
         WHERE sp.cycle_id = ${cycleId}`.execute(db);
      return rows[0]!.fingerprint;
    },

    /** Locks every item of the cycle, so nothing changes between the staleness check and the cuts. */
    async lockCycleItems(cycleId: number): Promise<void> {
      await sql`SELECT li.id FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
                 WHERE sp.cycle_id = ${cycleId} ORDER BY li.id FOR UPDATE OF li`.execute(db);
    },

    /** The counted items of the cycle with their amount in one fiscal year (0 where none). */
    itemsForYear(cycleId: number, fiscalYear: number) {
      return db
        .selectFrom('line_item as li')
        .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
        .innerJoin('institution as i', 'i.id', 'sp.institution_id')
        .leftJoin('line_item_amount as a', (join) =>
          join.onRef('a.line_item_id', '=', 'li.id').on('a.fiscal_year', '=', fiscalYear),
        )
        .select(['li.id', ...CUT_ITEM_COLUMNS, sql<string>`coalesce(a.amount, 0)::text`.as('amount')])
        .where('sp.cycle_id', '=', cycleId)
        .where('li.review_status', '<>', 'cut')
        .orderBy('li.id')
        .execute();
    },

    async insert(row: NewScenarioRow): Promise<number> {
      const created = await db.insertInto('scenario').values(row).returning('id').executeTakeFirstOrThrow();
      return created.id;
    },

    async insertCuts(
      scenarioId: number,
      cuts: { lineItemId: number; before: string; cut: string; after: string; wholeItem: boolean }[],
    ) {
      // In batches: a large cycle can cut thousands of items, and a statement has a parameter limit.
      for (let start = 0; start < cuts.length; start += 1000) {
        await db
          .insertInto('scenario_cut')
          .values(
            cuts.slice(start, start + 1000).map((c) => ({
              scenario_id: scenarioId,
              line_item_id: c.lineItemId,
              before: c.before,
              cut: c.cut,
              after: c.after,
              whole_item: c.wholeItem,
            })),
          )
          .execute();
      }
    },

    findById(id: number) {
      return selectScenarios(db).where('s.id', '=', id).executeTakeFirst();
    },

    listByCycle(cycleId: number) {
      return selectScenarios(db).where('s.cycle_id', '=', cycleId).orderBy('s.id', 'desc').execute();
    },

    cutsOf(scenarioId: number) {
      return db
        .selectFrom('scenario_cut as sc')
        .innerJoin('line_item as li', 'li.id', 'sc.line_item_id')
        .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
        .innerJoin('institution as i', 'i.id', 'sp.institution_id')
        .select(['sc.line_item_id', 'sc.before', 'sc.cut', 'sc.after', 'sc.whole_item', ...CUT_ITEM_COLUMNS])
        .where('sc.scenario_id', '=', scenarioId)
        .orderBy('i.code')
        .orderBy('sp.code')
        .orderBy('li.rank', 'desc')
        .orderBy('li.id')
        .execute();
    },

    async markAdopted(id: number, actorId: number): Promise<void> {
      await db
        .updateTable('scenario')
        .set({ adopted_at: sql`now()`, adopted_by: actorId })
        .where('id', '=', id)
        .execute();
    },

    async markItemsCut(ids: number[]): Promise<void> {
      if (ids.length === 0) return;
      await db
        .updateTable('line_item')
        .set({ review_status: 'cut', version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', 'in', ids)
        .execute();
    },

    /** Takes each cut off the item's amount for the year; the check keeps amounts ≥ 0. */
    async reduceAmounts(fiscalYear: number, cuts: { lineItemId: number; cut: string }[]): Promise<void> {
      for (let start = 0; start < cuts.length; start += 1000) {
        const batch = cuts.slice(start, start + 1000);
        const values = sql.join(batch.map((c) => sql`(${c.lineItemId}::int, ${c.cut}::numeric)`));
        await sql`UPDATE line_item_amount a SET amount = a.amount - v.cut
                    FROM (VALUES ${values}) AS v(line_item_id, cut)
                   WHERE a.line_item_id = v.line_item_id AND a.fiscal_year = ${fiscalYear}`.execute(db);
        await db
          .updateTable('line_item')
          .set({ version: sql`version + 1`, updated_at: sql`now()` })
          .where(
            'id',
            'in',
            batch.map((c) => c.lineItemId),
          )
          .execute();
      }
    },
  };
}

export type ScenariosRepository = ReturnType<typeof createScenariosRepository>;
