import { sql, type RawBuilder } from 'kysely';
import {
  CONSOLIDATION_DIMENSIONS,
  type Consolidation,
  type ConsolidationDimension,
} from '@ikt/shared/consolidation.schema';
import { createConsolidationRepository } from '@ikt/server/modules/consolidation/consolidation.repository';
import { interleaved, round, summarise, timed } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';

/**
 * GET /api/cycles/:id/consolidation?by=<dimension> through the real app, against the floor: the
 * same figures as one bare SQL aggregate (SUM of line_item_amount by the dimension's key and
 * fiscal year for the cycle, items marked cut left out as the app does). Measured interleaved,
 * in the same run, so both see the same machine.
 *
 * The app's answer holds more than the bare aggregate: the base cycle's first year beside each
 * key, the cut items apart, item counts, EKK groups with their sub-totals. So a third figure,
 * `appSql`: the app's own two statements (the repository's sums and counts, as the service runs
 * them) without HTTP, session or service — what the database must do for the answer, against
 * which the app's own overhead shows.
 */

/** The dimension's key in the bare query; `ekk` groups by the item's own (leaf) code. */
const BARE_KEY: Record<ConsolidationDimension, { key: RawBuilder<string>; join?: RawBuilder<unknown> }> = {
  institution: { key: sql`i.code`, join: sql`JOIN institution i ON i.id = sp.institution_id` },
  sub_programme: { key: sql`sp.code` },
  ekk: { key: sql`li.ekk_code` },
  cost_nature: { key: sql`li.cost_nature` },
  goal: { key: sql`coalesce(g.goal_code, '')`, join: sql`LEFT JOIN line_item_goal g ON g.line_item_id = li.id` },
  action_direction: { key: sql`coalesce(li.action_direction_code, '')` },
  ict_service: { key: sql`coalesce(li.ict_service_code, '')` },
  information_system: { key: sql`coalesce(li.information_system_code, '')` },
  priority: { key: sql`li.priority` },
  review_status: { key: sql`li.review_status` },
  // The nearest mapped of the code and its (at most three) ancestors, as plain joins.
  tbm_cost_pool: {
    key: sql`coalesce(e1.tbm_cost_pool_code, e2.tbm_cost_pool_code, e3.tbm_cost_pool_code, e4.tbm_cost_pool_code, '')`,
    join: sql`JOIN ekk_code e1 ON e1.code = li.ekk_code LEFT JOIN ekk_code e2 ON e2.code = e1.parent_code
              LEFT JOIN ekk_code e3 ON e3.code = e2.parent_code LEFT JOIN ekk_code e4 ON e4.code = e3.parent_code`,
  },
  tbm_tower: {
    key: sql`coalesce(s.tbm_tower_code, '')`,
    join: sql`LEFT JOIN ict_service s ON s.code = li.ict_service_code`,
  },
};

export function bareConsolidationQuery(cycleId: number, dimension: ConsolidationDimension) {
  const { key, join } = BARE_KEY[dimension];
  return sql<{ key: string; fiscal_year: number; total: string }>`
    SELECT ${key} AS key, a.fiscal_year, sum(a.amount)::text AS total
      FROM line_item_amount a
      JOIN line_item li ON li.id = a.line_item_id
      JOIN sub_programme sp ON sp.id = li.sub_programme_id
      ${join ?? sql``}
     WHERE sp.cycle_id = ${cycleId} AND li.review_status <> 'cut'
     GROUP BY 1, 2`;
}

/** Every bare (key, year) sum appears, equal, in the app's answer. */
function agrees(answer: Consolidation, bare: { key: string; fiscal_year: number; total: string }[]): boolean {
  const rows = new Map(answer.rows.map((row) => [row.key, row]));
  return bare.every((b) => rows.get(b.key)?.amounts[String(b.fiscal_year)] === b.total);
}

export const consolidationSection: BenchSection = {
  name: 'consolidation',
  async run(context: BenchContext) {
    const dimensions = (process.env.BENCH_DIMENSIONS?.split(',') ?? CONSOLIDATION_DIMENSIONS).filter(
      (d): d is ConsolidationDimension => (CONSOLIDATION_DIMENSIONS as readonly string[]).includes(d),
    );
    const app = async (dimension: ConsolidationDimension) => {
      const response = await context.get(`/api/cycles/${context.cycleId}/consolidation?by=${dimension}`);
      if (response.statusCode !== 200) {
        throw new Error(`consolidation by ${dimension}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
      return response;
    };
    const bare = async (dimension: ConsolidationDimension) =>
      (await bareConsolidationQuery(context.cycleId, dimension).execute(context.db)).rows;
    const baseCycle = { id: context.baseCycleId, year: context.baseCycleYear };
    const appSql = (dimension: ConsolidationDimension) =>
      context.db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const repository = createConsolidationRepository(trx);
          await repository.sums(context.cycleId, dimension, {}, baseCycle);
          await repository.counts(context.cycleId, dimension, {});
        });

    const json: Record<string, unknown> = {};
    const table: TableRow[] = [];
    for (const dimension of dimensions) {
      context.log(`consolidation by ${dimension} …`);
      for (let i = 0; i < context.warmup; i++) {
        await app(dimension);
        await bare(dimension);
        await appSql(dimension);
      }
      const appMs: number[] = [];
      const bareMs: number[] = [];
      const appSqlMs: number[] = [];
      let last: { answer: Consolidation; bytes: number; bareRows: Awaited<ReturnType<typeof bare>> } | undefined;
      for (let i = 0; i < context.iterations; i++) {
        const [response, rows] = await interleaved(
          i,
          { run: () => app(dimension), ms: appMs },
          { run: () => bare(dimension), ms: bareMs },
        );
        last = { answer: response.json<Consolidation>(), bytes: response.rawPayload.length, bareRows: rows };
        appSqlMs.push((await timed(() => appSql(dimension))).ms);
      }
      const appSummary = summarise(appMs);
      const bareSummary = summarise(bareMs);
      const appSqlSummary = summarise(appSqlMs);
      const ratio = round(appSummary.p50 / bareSummary.p50);
      const ratioToAppSql = round(appSummary.p50 / appSqlSummary.p50);
      json[dimension] = {
        app: appSummary,
        bare: bareSummary,
        appSql: appSqlSummary,
        ratio,
        ratioToAppSql,
        rows: last?.answer.rows.length ?? 0,
        bareRows: last?.bareRows.length ?? 0,
        responseBytes: last?.bytes ?? 0,
        agrees: last ? agrees(last.answer, last.bareRows) : null,
      };
      table.push({
        section: 'consolidation',
        case: dimension,
        'app p50': appSummary.p50,
        'app p95': appSummary.p95,
        'bare p50': bareSummary.p50,
        'bare p95': bareSummary.p95,
        'ratio (p50)': ratio,
        'app SQL p50': appSqlSummary.p50,
        'app/app SQL': ratioToAppSql,
        rows: last?.answer.rows.length ?? 0,
        agrees: last && agrees(last.answer, last.bareRows) ? 'yes' : 'NO',
      });
    }
    const spread = (key: 'ratio' | 'ratioToAppSql') => {
      const sorted = Object.values(json)
        .map((d) => (d as Record<typeof key, number>)[key])
        .sort((a, b) => a - b);
      return {
        min: sorted[0] ?? null,
        median: sorted[Math.floor(sorted.length / 2)] ?? null,
        max: sorted.at(-1) ?? null,
      };
    };
    return {
      json: {
        endpoint: 'GET /api/cycles/:id/consolidation?by=<dimension>',
        unit: 'ms',
        ratioOf: 'app p50 / bare p50',
        dimensions: json,
        ratio: spread('ratio'),
        ratioToAppSqlOf: 'app p50 / the app statements run bare p50',
        ratioToAppSql: spread('ratioToAppSql'),
      },
      table,
    };
  },
};
