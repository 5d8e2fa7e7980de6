import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { ConsolidationDimension, CrossDimension } from '@ikt/shared/consolidation.schema';
import type { CostNature, ReviewStatus } from '@ikt/shared/domain';
import { countedLastYear } from '../budget/counted-last-year';

export interface ConsolidationFilter {
  institutionId?: number | undefined;
  costNature?: CostNature | undefined;
  reviewStatus?: Exclude<ReviewStatus, 'cut'> | undefined;
}

/** A figure of the consolidation: a key of the dimension (null: the grand total) and its sums. */
export interface ConsolidatedSum {
  cycle_id: number;
  cut: boolean;
  key: string | null;
  fiscal_year: number;
  total: string;
}

export interface ConsolidatedCount {
  cut: boolean;
  key: string | null;
  /** A count, not money: an int from SQL, so nothing converts it beside the money. */
  items: number;
}

/** A key's name in both languages. */
export type KeyNames = Map<string, { key: string; lv: string; en: string }>;

export interface EkkNode {
  code: string;
  parent_code: string | null;
}

/** Everything one cross-table reads. */
export interface CrossFigures {
  sums: CrossSum[];
  rowLabels: KeyNames;
  columnLabels: KeyNames;
  ekkTree: EkkNode[] | null;
}

/** Everything one consolidation by one dimension reads, for consolidation-rollup.ts to arrange. */
export interface ConsolidationFigures {
  sums: ConsolidatedSum[];
  counts: ConsolidatedCount[];
  labels: KeyNames;
  /** The EKK codes' parent links, when the dimension is EKK. */
  ekkTree: EkkNode[] | null;
}

/**
 * How each dimension groups the items, and which keys a group counts under. Items are grouped by
 * something that partitions them (so the grand total is the sum of the groups), then each group is
 * expanded to its keys: an EKK code to itself and each of its ancestors, a set of goals to each
 * goal (full-to-each attribution). Grouping first keeps the big scan one cheap hashed aggregate.
 */
const DIMENSION_SQL: Record<
  ConsolidationDimension,
  {
    group: RawBuilder<unknown>;
    join?: RawBuilder<unknown>;
    expand?: { join: RawBuilder<unknown>; key: RawBuilder<string> };
  }
> = {
  institution: { group: sql`i.code`, join: sql`JOIN institution i ON i.id = sp.institution_id` },
  sub_programme: { group: sql`sp.code` },
  ekk: {
    group: sql`li.ekk_code`,
    expand: { join: sql`JOIN ancestry ON ancestry.code = g.group_key`, key: sql`ancestry.ancestor` },
  },
  cost_nature: { group: sql`li.cost_nature` },
  goal: {
    // The item's goals as one text (hashing text is much cheaper than arrays), NULL for none.
    group: sql`goals.codes`,
    join: sql`LEFT JOIN (SELECT line_item_id, string_agg(goal_code, chr(31) ORDER BY goal_code) AS codes
                           FROM line_item_goal GROUP BY line_item_id) goals ON goals.line_item_id = li.id`,
    expand: {
      join: sql`CROSS JOIN LATERAL unnest(coalesce(string_to_array(g.group_key, chr(31)), ARRAY[''])) goal(code)`,
      key: sql`goal.code`,
    },
  },
  action_direction: { group: sql`coalesce(li.action_direction_code, '')` },
  ict_service: { group: sql`coalesce(li.ict_service_code, '')` },
  information_system: { group: sql`coalesce(li.information_system_code, '')` },
  priority: { group: sql`li.priority` },
  review_status: { group: sql`li.review_status` },
  tbm_cost_pool: {
    group: sql`coalesce(ekk_pool.pool, '')`,
    join: sql`LEFT JOIN ekk_pool ON ekk_pool.code = li.ekk_code`,
  },
  tbm_tower: {
    group: sql`coalesce(service_tower.tbm_tower_code, '')`,
    join: sql`LEFT JOIN ict_service service_tower ON service_tower.code = li.ict_service_code`,
  },
};

/**
 * Every EKK code with its TBM cost pool: its own mapping, or else its nearest mapped ancestor's
 * (a pool given to 2200 covers the 22xx codes not mapped themselves); NULL when none is.
 */
const EKK_POOL = sql`ekk_pool(code, pool) AS (
    SELECT code, tbm_cost_pool_code FROM ekk_code WHERE parent_code IS NULL
    UNION ALL
    SELECT e.code, coalesce(e.tbm_cost_pool_code, p.pool) FROM ekk_code e JOIN ekk_pool p ON e.parent_code = p.code)`;

/** Every EKK code with itself and each of its ancestors. */
const ANCESTRY = sql`ancestry(code, ancestor) AS (
    SELECT code, code FROM ekk_code
    UNION ALL
    SELECT a.code, e.parent_code FROM ancestry a JOIN ekk_code e ON e.code = a.ancestor
     WHERE e.parent_code IS NOT NULL)`;

/** One cell's figure of a cross-table: the row's and the column's key, counted or cut apart. */
export interface CrossSum {
  row_key: string;
  column_key: string;
  cut: boolean;
  /** Money: a decimal string. */
  total: string;
  /** A count, not money: int4 reaches JavaScript as a number on both drivers. */
  items: number;
}

/**
 * Every EKK code with the code it counts under at one level of the hierarchy: its ancestor at
 * that level, or itself when it sits higher up. A function of the code, so the EKK axis of a
 * cross-table partitions the items as every other axis does.
 */
const EKK_AT_LEVEL = (level: number) => sql`ekk_depth(code, depth) AS (
    SELECT code, 1 FROM ekk_code WHERE parent_code IS NULL
    UNION ALL
    SELECT e.code, d.depth + 1 FROM ekk_code e JOIN ekk_depth d ON e.parent_code = d.code),
  ekk_at(code, key) AS (
    SELECT a.code, a.ancestor FROM ancestry a JOIN ekk_depth d ON d.code = a.ancestor WHERE d.depth = ${level}
    UNION ALL
    SELECT code, code FROM ekk_depth WHERE depth < ${level})`;

/** How a cross-table axis keys an item: the dimension's own grouping, EKK at the chosen level. */
function crossAxis(dimension: CrossDimension): { key: RawBuilder<unknown>; join: RawBuilder<unknown> } {
  if (dimension === 'ekk') return { key: sql`ekk_at.key`, join: sql`JOIN ekk_at ON ekk_at.code = li.ekk_code` };
  const { group, join } = DIMENSION_SQL[dimension];
  return { key: group, join: join ?? sql`` };
}

/** The filter's narrowing of the items, as further conditions (none: the empty fragment). */
function filterSql(filter: ConsolidationFilter): RawBuilder<unknown> {
  return sql`${filter.institutionId !== undefined ? sql`AND sp.institution_id = ${filter.institutionId}` : sql``}
    ${filter.costNature !== undefined ? sql`AND li.cost_nature = ${filter.costNature}` : sql``}
    ${filter.reviewStatus !== undefined ? sql`AND li.review_status = ${filter.reviewStatus}` : sql``}`;
}

/** The items a consolidation counts in: the cycle's, narrowed by the filter (cut or not). */
function scopeSql(cycleId: number, filter: ConsolidationFilter): RawBuilder<unknown> {
  return sql`sp.cycle_id = ${cycleId} ${filterSql(filter)}`;
}

export function createConsolidationRepository(db: Kysely<Database>) {
  const repository = {
    /** What a consolidation by `dimension` reads; the caller runs it in one snapshot. */
    async figures(
      cycleId: number,
      dimension: ConsolidationDimension,
      filter: ConsolidationFilter,
      base: { id: number; year: number } | null,
    ): Promise<ConsolidationFigures> {
      return {
        sums: await repository.sums(cycleId, dimension, filter, base),
        counts: await repository.counts(cycleId, dimension, filter),
        labels: await repository.labels(dimension, cycleId),
        ekkTree: dimension === 'ekk' ? await repository.ekkTree() : null,
      };
    },

    /** What a cross-table of one fiscal year reads; the caller runs it in one snapshot. */
    async crossFigures(
      cycleId: number,
      axes: { rows: CrossDimension; columns: CrossDimension },
      ekkLevel: number,
      fiscalYear: number,
      filter: ConsolidationFilter,
    ): Promise<CrossFigures> {
      return {
        sums: await repository.crossSums(cycleId, axes, ekkLevel, fiscalYear, filter),
        rowLabels: await repository.labels(axes.rows, cycleId),
        columnLabels: await repository.labels(axes.columns, cycleId),
        ekkTree: axes.rows === 'ekk' || axes.columns === 'ekk' ? await repository.ekkTree() : null,
      };
    },

    /**
     * Sums per key and fiscal year, and the grand totals (key null), in SQL over NUMERIC — of the
     * cycle's items, counted and cut apart, and of the base cycle's counted items in `base.year`.
     */
    async sums(
      cycleId: number,
      dimension: ConsolidationDimension,
      filter: ConsolidationFilter,
      base: { id: number; year: number } | null,
    ): Promise<ConsolidatedSum[]> {
      const { group, join, expand } = DIMENSION_SQL[dimension];
      const grouped = (where: RawBuilder<unknown>) => sql`
          SELECT sp.cycle_id, ${group} AS group_key, a.fiscal_year, li.review_status = 'cut' AS cut,
                 sum(a.amount) AS total
            FROM line_item li
            JOIN sub_programme sp ON sp.id = li.sub_programme_id
            JOIN line_item_amount a ON a.line_item_id = li.id
            ${join ?? sql``}
           WHERE ${where}
           GROUP BY 1, 2, 3, 4`;
      // The cycles apart, not one scan with an OR: each branch joins only its own amounts (the
      // base's through the fiscal-year index), and PostgreSQL runs the two side by side.
      const baseBranch = base ? sql`UNION ALL ${grouped(sql`${countedLastYear(base)} ${filterSql(filter)}`)}` : sql``;
      const { rows } = await sql<ConsolidatedSum>`
        WITH RECURSIVE ${ANCESTRY}, ${EKK_POOL},
        g AS (${grouped(scopeSql(cycleId, filter))}
          ${baseBranch})
        SELECT g.cycle_id, g.cut, ${expand?.key ?? sql`g.group_key`} AS key, g.fiscal_year,
               sum(g.total)::text AS total
          FROM g ${expand?.join ?? sql``}
         GROUP BY 1, 2, 3, 4
        UNION ALL
        SELECT g.cycle_id, g.cut, NULL, g.fiscal_year, sum(g.total)::text
          FROM g
         GROUP BY 1, 2, 4`.execute(db);
      return rows;
    },

    /**
     * The cycle's sums for one fiscal year by two dimensions at once, per pair of keys, counted
     * and cut apart — in SQL over NUMERIC, like every other total.
     */
    async crossSums(
      cycleId: number,
      axes: { rows: CrossDimension; columns: CrossDimension },
      ekkLevel: number,
      fiscalYear: number,
      filter: ConsolidationFilter,
    ): Promise<CrossSum[]> {
      const rowAxis = crossAxis(axes.rows);
      const columnAxis = crossAxis(axes.columns);
      const { rows } = await sql<CrossSum>`
        WITH RECURSIVE ${ANCESTRY}, ${EKK_POOL}, ${EKK_AT_LEVEL(ekkLevel)}
        SELECT ${rowAxis.key} AS row_key, ${columnAxis.key} AS column_key, li.review_status = 'cut' AS cut,
               sum(a.amount)::text AS total, count(*)::int AS items
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id AND a.fiscal_year = ${fiscalYear}
          ${rowAxis.join}
          ${columnAxis.join}
         WHERE ${scopeSql(cycleId, filter)}
         GROUP BY 1, 2, 3`.execute(db);
      return rows;
    },

    /** How many of the cycle's items each key has, and in all (key null), counted and cut apart. */
    async counts(
      cycleId: number,
      dimension: ConsolidationDimension,
      filter: ConsolidationFilter,
    ): Promise<ConsolidatedCount[]> {
      const { group, join, expand } = DIMENSION_SQL[dimension];
      const { rows } = await sql<ConsolidatedCount>`
        WITH RECURSIVE ${ANCESTRY}, ${EKK_POOL},
        g AS (
          SELECT ${group} AS group_key, li.review_status = 'cut' AS cut, count(*) AS items
            FROM line_item li
            JOIN sub_programme sp ON sp.id = li.sub_programme_id
            ${join ?? sql``}
           WHERE ${scopeSql(cycleId, filter)}
           GROUP BY 1, 2)
        SELECT g.cut, ${expand?.key ?? sql`g.group_key`} AS key, sum(g.items)::int AS items
          FROM g ${expand?.join ?? sql``}
         GROUP BY 1, 2
        UNION ALL
        SELECT g.cut, NULL, sum(g.items)::int FROM g GROUP BY 1`.execute(db);
      return rows;
    },

    /** Names to show for a dimension's keys, in both languages. */
    async labels(dimension: ConsolidationDimension, cycleId: number): Promise<KeyNames> {
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
        case 'tbm_cost_pool':
        case 'tbm_tower':
          return named(
            await db.selectFrom(dimension).select(['code as key', 'name_lv as lv', 'name_en as en']).execute(),
          );
        case 'information_system':
          return named(
            await db.selectFrom('information_system').select(['code as key', 'name as lv', 'name as en']).execute(),
          );
        default:
          return new Map<string, { key: string; lv: string; en: string }>();
      }
    },

    ekkTree(): Promise<EkkNode[]> {
      return db.selectFrom('ekk_code').select(['code', 'parent_code']).execute();
    },

    institutionByCode(code: string) {
      return db.selectFrom('institution').select(['id', 'code']).where('code', '=', code).executeTakeFirst();
    },
  };
  return repository;
}

export type ConsolidationRepository = ReturnType<typeof createConsolidationRepository>;
