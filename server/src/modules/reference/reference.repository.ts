import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

/**
 * The codes a goal or an action direction is linked with, sorted (the link table reads both
 * ways): `column` of goal_action_direction `gad`, '{}' where there is none.
 */
const linkedCodes = (column: 'gad.action_direction_code' | 'gad.goal_code') =>
  sql<string[]>`coalesce(array_agg(${sql.ref(column)} ORDER BY ${sql.ref(column)})
    FILTER (WHERE ${sql.ref(column)} IS NOT NULL), '{}')`;

/** The two TBM reference tables (DESIGN §11): the same columns, maintained alike. */
export type TbmTable = 'tbm_cost_pool' | 'tbm_tower';

/** SQL for the reference tables; a factory over an executor so a service can pass a transaction. */
export function createReferenceRepository(db: Kysely<Database>) {
  return {
    listInstitutions() {
      return db
        .selectFrom('institution')
        .select(['id', 'code', 'name_lv', 'name_en', 'is_itc', 'active'])
        .orderBy('is_itc', 'desc')
        .orderBy('code')
        .execute();
    },

    /** Depth-first order, so a list reads as the hierarchy; the level comes from the recursion. */
    listEkkCodes(filter: { includeRetired: boolean; selectableOnly: boolean }) {
      let query = db
        .withRecursive('tree(code, level, sort_path)', (qb) =>
          qb
            .selectFrom('ekk_code')
            .select(['code', sql<number>`1`.as('level'), sql<string>`code`.as('sort_path')])
            .where('parent_code', 'is', null)
            .unionAll((child) =>
              child
                .selectFrom('ekk_code as e')
                .innerJoin('tree as t', 't.code', 'e.parent_code')
                .select([
                  'e.code',
                  sql<number>`t.level + 1`.as('level'),
                  sql<string>`t.sort_path || '/' || e.code`.as('sort_path'),
                ]),
            ),
        )
        .selectFrom('ekk_code as e')
        .innerJoin('tree', 'tree.code', 'e.code')
        .select([
          'e.code',
          'e.parent_code',
          'e.name_lv',
          'e.name_en',
          'e.selectable',
          'e.retired_at',
          'e.tbm_cost_pool_code',
          'tree.level',
        ])
        .orderBy('tree.sort_path');
      if (!filter.includeRetired) query = query.where('e.retired_at', 'is', null);
      if (filter.selectableOnly) query = query.where('e.selectable', '=', true);
      return query.execute();
    },

    listGoals() {
      return (
        db
          .selectFrom('goal as g')
          .leftJoin('goal_action_direction as gad', 'gad.goal_code', 'g.code')
          .select(['g.code', 'g.group_lv', 'g.group_en', 'g.name_lv', 'g.name_en'])
          .select(linkedCodes('gad.action_direction_code').as('action_direction_codes'))
          .groupBy('g.code')
          // M2 before M10.
          .orderBy(sql`length(g.code)`)
          .orderBy('g.code')
          .execute()
      );
    },

    listActionDirections() {
      return (
        db
          .selectFrom('action_direction as a')
          .leftJoin('goal_action_direction as gad', 'gad.action_direction_code', 'a.code')
          .select(['a.code', 'a.name_lv', 'a.name_en'])
          .select(linkedCodes('gad.goal_code').as('goal_codes'))
          .groupBy('a.code')
          // M2 before M10.
          .orderBy(sql`length(a.code)`)
          .orderBy('a.code')
          .execute()
      );
    },

    listIctServices() {
      return db
        .selectFrom('ict_service')
        .select(['code', 'name_lv', 'name_en', 'active', 'tbm_tower_code'])
        .orderBy('code')
        .execute();
    },

    listInformationSystems() {
      return db
        .selectFrom('information_system')
        .select(['code', 'name', 'function_lv', 'function_en', 'kind', 'active'])
        .orderBy('code')
        .execute();
    },

    findEkkCode(code: string) {
      return db
        .selectFrom('ekk_code')
        .select(['code', 'parent_code', 'name_lv', 'name_en', 'selectable', 'retired_at', 'tbm_cost_pool_code'])
        .where('code', '=', code)
        .executeTakeFirst();
    },

    /** 1 for a top-level code, 2 for its children, … */
    async levelOf(code: string): Promise<number> {
      const { rows } = await sql<{ level: number }>`
        WITH RECURSIVE up(code, parent_code, level) AS (
          SELECT code, parent_code, 1 FROM ekk_code WHERE code = ${code}
          UNION ALL
          SELECT e.code, e.parent_code, up.level + 1 FROM ekk_code e JOIN up ON e.code = up.parent_code)
        SELECT max(level)::int AS level FROM up`.execute(db);
      return Number(rows[0]?.level ?? 0);
    },

    async hasChildren(code: string): Promise<boolean> {
      return (
        (await db.selectFrom('ekk_code').select('code').where('parent_code', '=', code).limit(1).executeTakeFirst()) !==
        undefined
      );
    },

    async insertEkkCode(row: {
      code: string;
      parent_code: string | null;
      name_lv: string;
      name_en: string;
      selectable: boolean;
      tbm_cost_pool_code?: string | null | undefined;
    }) {
      await db.insertInto('ekk_code').values(row).execute();
    },

    async updateEkkCode(
      code: string,
      changes: {
        name_lv?: string;
        name_en?: string;
        selectable?: boolean;
        retired_at?: Date | null;
        tbm_cost_pool_code?: string | null;
      },
    ): Promise<void> {
      if (Object.keys(changes).length === 0) return;
      await db.updateTable('ekk_code').set(changes).where('code', '=', code).execute();
    },

    async insertIctService(row: {
      code: string;
      name_lv: string;
      name_en: string;
      tbm_tower_code?: string | null | undefined;
    }) {
      await db.insertInto('ict_service').values(row).execute();
    },

    /** An empty change is a no-op that still answers whether the row exists. */
    async updateIctService(
      code: string,
      changes: { name_lv?: string; name_en?: string; active?: boolean; tbm_tower_code?: string | null },
    ) {
      if (Object.keys(changes).length === 0) {
        return db.selectFrom('ict_service').select('code').where('code', '=', code).executeTakeFirst();
      }
      return db.updateTable('ict_service').set(changes).where('code', '=', code).returning('code').executeTakeFirst();
    },

    async insertInformationSystem(row: {
      code: string;
      name: string;
      function_lv: string;
      function_en: string;
      kind: string;
    }) {
      await db.insertInto('information_system').values(row).execute();
    },

    async updateInformationSystem(
      code: string,
      changes: { name?: string; function_lv?: string; function_en?: string; kind?: string; active?: boolean },
    ) {
      if (Object.keys(changes).length === 0) {
        return db.selectFrom('information_system').select('code').where('code', '=', code).executeTakeFirst();
      }
      return db
        .updateTable('information_system')
        .set(changes)
        .where('code', '=', code)
        .returning('code')
        .executeTakeFirst();
    },

    async insertInstitution(row: { code: string; name_lv: string; name_en: string }): Promise<number> {
      const created = await db.insertInto('institution').values(row).returning('id').executeTakeFirstOrThrow();
      return created.id;
    },

    async updateInstitution(id: number, changes: { name_lv?: string; name_en?: string; active?: boolean }) {
      if (Object.keys(changes).length === 0) {
        return db.selectFrom('institution').select('id').where('id', '=', id).executeTakeFirst();
      }
      return db.updateTable('institution').set(changes).where('id', '=', id).returning('id').executeTakeFirst();
    },

    listTbmCategories(table: TbmTable) {
      return db.selectFrom(table).select(['code', 'name_lv', 'name_en', 'active', 'version']).orderBy('code').execute();
    },

    /** A pool or tower, locked for the change the caller's transaction makes to it. */
    findTbmCategoryForUpdate(table: TbmTable, code: string) {
      return db
        .selectFrom(table)
        .select(['code', 'name_lv', 'name_en', 'active', 'version'])
        .where('code', '=', code)
        .forUpdate()
        .executeTakeFirst();
    },

    async insertTbmCategory(table: TbmTable, row: { code: string; name_lv: string; name_en: string }) {
      await db.insertInto(table).values(row).execute();
    },

    /** The fields given written and the version moved on (an empty change moves it on too: it was asked for). */
    async updateTbmCategory(
      table: TbmTable,
      code: string,
      changes: { name_lv?: string; name_en?: string; active?: boolean },
    ) {
      await db
        .updateTable(table)
        .set({ ...changes, version: sql<number>`version + 1` })
        .where('code', '=', code)
        .execute();
    },

    listBenchmarks() {
      return db
        .selectFrom('benchmark')
        .select(['indicator', 'riga_2015', 'peer_average', 'unit', 'source'])
        .orderBy('indicator')
        .execute();
    },
  };
}

export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;
