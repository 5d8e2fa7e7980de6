import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { ConsolidationDimension } from '@ikt/shared/consolidation.schema';
import type { CostNature, ReviewStatus } from '@ikt/shared/domain';

export interface ConsolidationFilter {
  institutionId?: number | undefined;
  costNature?: CostNature | undefined;
  reviewStatus?: Exclude<ReviewStatus, 'cut'> | undefined;
}

/**
 * One sum: a key of the dimension, a fiscal year, the exact total and how many items made it.
 * A row with `fiscal_year` null is the key's grand total over all years (its item count is exact
 * even when items have amounts in different years).
 */
export interface KeyedSum {
  key: string;
  fiscal_year: number | null;
  total: string;
  items: string;
}

/**
 * How each dimension finds its key. Joins add the tables a key needs; `goal` joins the goal
 * links, so an item with several goals appears under each (full-to-each attribution).
 */
const DIMENSION_SQL: Record<
  Exclude<ConsolidationDimension, 'ekk'>,
  { key: RawBuilder<string>; join?: RawBuilder<unknown> }
> = {
  institution: { key: sql`i.code`, join: sql`JOIN institution i ON i.id = sp.institution_id` },
  sub_programme: { key: sql`sp.code` },
  cost_nature: { key: sql`li.cost_nature` },
  goal: { key: sql`coalesce(g.goal_code, '')`, join: sql`LEFT JOIN line_item_goal g ON g.line_item_id = li.id` },
  action_direction: { key: sql`coalesce(li.action_direction_code, '')` },
  ict_service: { key: sql`coalesce(li.ict_service_code, '')` },
  information_system: { key: sql`coalesce(li.information_system_code, '')` },
  priority: { key: sql`li.priority` },
  review_status: { key: sql`li.review_status` },
};

function filterSql(cycleId: number, filter: ConsolidationFilter, cut: boolean): RawBuilder<unknown> {
  return sql`sp.cycle_id = ${cycleId}
    AND ${cut ? sql`li.review_status = 'cut'` : sql`li.review_status <> 'cut'`}
    ${filter.institutionId !== undefined ? sql`AND sp.institution_id = ${filter.institutionId}` : sql``}
    ${filter.costNature !== undefined ? sql`AND li.cost_nature = ${filter.costNature}` : sql``}
    ${filter.reviewStatus !== undefined ? sql`AND li.review_status = ${filter.reviewStatus}` : sql``}`;
}

export function createConsolidationRepository(db: Kysely<Database>) {
  return {
    /** Sums per key and fiscal year, in SQL over NUMERIC; `fiscalYear` limits to one year. */
    async sumsBy(
      cycleId: number,
      dimension: ConsolidationDimension,
      filter: ConsolidationFilter,
      fiscalYear?: number,
    ): Promise<KeyedSum[]> {
      const yearFilter = fiscalYear === undefined ? sql`` : sql`AND a.fiscal_year = ${fiscalYear}`;
      if (dimension === 'ekk') {
        // Every code an item uses counts towards itself and each of its ancestors.
        const { rows } = await sql<KeyedSum>`
          WITH RECURSIVE ancestry(code, ancestor) AS (
            SELECT code, code FROM ekk_code
            UNION ALL
            SELECT a.code, e.parent_code FROM ancestry a JOIN ekk_code e ON e.code = a.ancestor
             WHERE e.parent_code IS NOT NULL)
          SELECT anc.ancestor AS key, a.fiscal_year, sum(a.amount)::text AS total, count(DISTINCT li.id)::text AS items
            FROM line_item li
            JOIN sub_programme sp ON sp.id = li.sub_programme_id
            JOIN line_item_amount a ON a.line_item_id = li.id
            JOIN ancestry anc ON anc.code = li.ekk_code
           WHERE ${filterSql(cycleId, filter, false)} ${yearFilter}
           GROUP BY GROUPING SETS ((anc.ancestor, a.fiscal_year), (anc.ancestor))`.execute(db);
        return rows;
      }
      const { key, join } = DIMENSION_SQL[dimension];
      const { rows } = await sql<KeyedSum>`
        SELECT ${key} AS key, a.fiscal_year, sum(a.amount)::text AS total, count(DISTINCT li.id)::text AS items
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id
          ${join ?? sql``}
         WHERE ${filterSql(cycleId, filter, false)} ${yearFilter}
         GROUP BY GROUPING SETS ((${key}, a.fiscal_year), (${key}))`.execute(db);
      return rows;
    },

    /** Grand totals per fiscal year — of counted items, or of those marked cut. */
    async totals(cycleId: number, filter: ConsolidationFilter, cut: boolean, fiscalYear?: number) {
      const yearFilter = fiscalYear === undefined ? sql`` : sql`AND a.fiscal_year = ${fiscalYear}`;
      const { rows } = await sql<{ fiscal_year: number; total: string }>`
        SELECT a.fiscal_year, sum(a.amount)::text AS total
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id
         WHERE ${filterSql(cycleId, filter, cut)} ${yearFilter}
         GROUP BY a.fiscal_year`.execute(db);
      const { rows: counted } = await sql<{ items: string }>`
        SELECT count(*)::text AS items
          FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
         WHERE ${filterSql(cycleId, filter, cut)}`.execute(db);
      return { byYear: rows, itemCount: Number(counted[0]?.items ?? 0) };
    },

    /** Names to show for a dimension's keys, in both languages. */
    async labels(dimension: ConsolidationDimension, cycleId: number) {
      const named = (rows: { key: string; lv: string; en: string }[]) => new Map(rows.map((r) => [r.key, r]));
      switch (dimension) {
        case 'institution':
          return named(
            await db.selectFrom('institution').select(['code as key', 'name_lv as lv', 'name_en as en']).execute(),
          );
        case 'sub_programme':
          return named(
            await db
              .selectFrom('sub_programme')
              .select(['code as key', 'name as lv', 'name as en'])
              .where('cycle_id', '=', cycleId)
              .execute(),
          );
        case 'ekk':
          return named(
            await db.selectFrom('ekk_code').select(['code as key', 'name_lv as lv', 'name_en as en']).execute(),
          );
        case 'goal':
          return named(await db.selectFrom('goal').select(['code as key', 'name_lv as lv', 'name_en as en']).execute());
        case 'action_direction':
          return named(
            await db.selectFrom('action_direction').select(['code as key', 'name_lv as lv', 'name_en as en']).execute(),
          );
        case 'ict_service':
          return named(
            await db.selectFrom('ict_service').select(['code as key', 'name_lv as lv', 'name_en as en']).execute(),
          );
        case 'information_system':
          return named(
            await db.selectFrom('information_system').select(['code as key', 'name as lv', 'name as en']).execute(),
          );
        default:
          return new Map<string, { key: string; lv: string; en: string }>();
      }
    },

    ekkTree() {
      return db.selectFrom('ekk_code').select(['code', 'parent_code']).execute();
    },

    institutionByCode(code: string) {
      return db.selectFrom('institution').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
    },
  };
}

export type ConsolidationRepository = ReturnType<typeof createConsolidationRepository>;
