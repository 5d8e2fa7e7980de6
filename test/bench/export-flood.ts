import http from 'node:http';
import { sql } from 'kysely';
import { createBenchSubProgramme, removeSubProgrammes, scaleLeads, signInLead, type BenchLead } from './fixtures';
import { request } from './http';
import { spawnBenchServer, stopProcess, waitHealthy } from './processes';
import { positiveSetting } from './settings';
import { round, summarise, type Summary } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';

/**
 * One lead's flood of workbook exports (issue #13, finding 8: 50 at once slowed everyone to a p50
 * of 1.9 s). The real server (`server/src/main.ts` on the bench database) over loopback, a fresh
 * one a case: another lead reads its own sub-programme's items one request after another, first
 * on a quiet server, then while the first lead asks for BENCH_FLOOD_EXPORTS (50) exports at once
 * of a sub-programme of the bench's own holding BENCH_FLOOD_ITEMS (2 000) of the scale cycle's
 * items (the generated institutions' own have a few dozen each) — with the limit of expensive requests as configured by default
 * (2 a user), and with it lifted to the flood's size, as it was before the limit.
 *
 * For each case: the other lead's read times, the exports' statuses (429s with Retry-After) and
 * how long the flood took to be answered.
 *
 *   BENCH_FLOOD_EXPORTS (50), BENCH_FLOOD_ITEMS (2000), BENCH_FLOOD_QUIET_READS (40)
 */

interface Target {
  lead: BenchLead;
  subProgrammeId: number;
  items: number;
}

/** The lead's sub-programme with the most items in the scale cycle. */
async function largestSubProgramme(context: BenchContext, lead: BenchLead): Promise<Target> {
  const row = await context.db
    .selectFrom('sub_programme as sp')
    .leftJoin('line_item as li', 'li.sub_programme_id', 'sp.id')
    .select(['sp.id', sql<number>`count(li.id)::int`.as('items')])
    .where('sp.cycle_id', '=', context.cycleId)
    .where('sp.institution_id', '=', lead.institutionId)
    .groupBy('sp.id')
    .orderBy('items', 'desc')
    .executeTakeFirstOrThrow();
  return { lead, subProgrammeId: row.id, items: row.items };
}

/** A sub-programme of the bench's own for the lead, with copies of `count` of the cycle's items. */
async function subProgrammeOfItems(context: BenchContext, lead: BenchLead, count: number): Promise<Target> {
  const id = await createBenchSubProgramme(context.db, context.cycleId, lead, 'FLOOD');
  const result = await sql`
    WITH source AS (
      SELECT li.*, row_number() OVER (ORDER BY li.id)::int AS position
      FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
      WHERE sp.cycle_id = ${context.cycleId} AND sp.id <> ${id}
      ORDER BY li.id LIMIT ${count}
    ), copied AS (
      INSERT INTO line_item (sub_programme_id, title, description, ekk_code, cost_nature, priority, rank,
                             business_need, legal_basis, impact_if_cut, calculation_basis)
      SELECT ${id}, title, description, ekk_code, cost_nature, priority, position,
             business_need, legal_basis, impact_if_cut, calculation_basis
      FROM source
      RETURNING id, rank
    )
    INSERT INTO line_item_amount (line_item_id, fiscal_year, amount)
    SELECT copied.id, a.fiscal_year, a.amount
    FROM copied JOIN source ON source.position = copied.rank JOIN line_item_amount a ON a.line_item_id = source.id
  `.execute(context.db);
  if (result.numAffectedRows === undefined) throw new Error('no items copied');
  return { lead, subProgrammeId: id, items: count };
}

async function floodCase(
  context: BenchContext,
  flooder: Target,
  reader: Target,
  options: { exports: number; quietReads: number; perUserLimit: number | null },
) {
  const server = await spawnBenchServer(
    context.databaseUrl,
    options.perUserLimit === null
      ? {}
      : {
          EXPENSIVE_REQUESTS_PER_USER: String(options.perUserLimit),
          EXPENSIVE_REQUESTS_TOTAL: String(options.perUserLimit),
        },
  );
  const { port, base } = server;
  const flooderAgent = new http.Agent({ keepAlive: true, maxSockets: options.exports });
  const readerAgent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await waitHealthy(port, server.child, { output: server.output });
    const flooderCookie = await signInLead(flooderAgent, base, flooder.lead);
    const readerCookie = await signInLead(readerAgent, base, reader.lead);
    const read = async () => {
      const answer = await request(readerAgent, base, {
        method: 'GET',
        path: `/api/sub-programmes/${reader.subProgrammeId}/line-items`,
        headers: { cookie: readerCookie },
      });
      if (answer.status !== 200) throw new Error(`the reader's GET answered ${answer.status}`);
      return answer.ms;
    };

    // Warm up, then the reader alone.
    for (let i = 0; i < 5; i++) await read();
    const quiet: number[] = [];
    for (let i = 0; i < options.quietReads; i++) quiet.push(await read());

    const started = performance.now();
    let flooding = true;
    const exports = Promise.all(
      Array.from({ length: options.exports }, async () => {
        const answer = await request(flooderAgent, base, {
          method: 'GET',
          path: `/api/sub-programmes/${flooder.subProgrammeId}/export.xlsx`,
          headers: { cookie: flooderCookie },
        });
        return { status: answer.status, retryAfter: answer.headers['retry-after'] ?? null, ms: answer.ms };
      }),
    ).finally(() => (flooding = false));
    const during: number[] = [];
    while (flooding) during.push(await read());
    const answers = await exports;
    const floodMs = performance.now() - started;

    const statuses: Record<string, number> = {};
    for (const { status } of answers) statuses[status] = (statuses[status] ?? 0) + 1;
    const refused = answers.filter((a) => a.status === 429);
    return {
      quiet: summarise(quiet),
      duringFlood: summarise(during),
      exportStatuses: statuses,
      refusedWithRetryAfter: refused.filter((a) => a.retryAfter !== null).length,
      exportMs: summarise(answers.filter((a) => a.status === 200).map((a) => a.ms)),
      floodAnsweredMs: round(floodMs),
    };
  } finally {
    flooderAgent.destroy();
    readerAgent.destroy();
    await stopProcess(server.child);
  }
}

export const exportFloodSection: BenchSection = {
  name: 'exportFlood',
  async run(context: BenchContext) {
    const exports = positiveSetting('BENCH_FLOOD_EXPORTS', 50);
    const quietReads = positiveSetting('BENCH_FLOOD_QUIET_READS', 40);
    const itemCount = positiveSetting('BENCH_FLOOD_ITEMS', 2000);
    const [flooderLead, readerLead] = await scaleLeads(context.db, 2);
    const flooder = await subProgrammeOfItems(context, flooderLead!, itemCount);
    try {
      return await flood(context, flooder, await largestSubProgramme(context, readerLead!), { exports, quietReads });
    } finally {
      await removeSubProgrammes(context.db, [flooder.subProgrammeId]);
    }
  },
};

async function flood(
  context: BenchContext,
  flooder: Target,
  reader: Target,
  { exports, quietReads }: { exports: number; quietReads: number },
) {
  context.log(
    `exportFlood: ${exports} exports at once of a sub-programme of ${flooder.items} items, another lead reading ${reader.items} items …`,
  );

  const json: Record<string, unknown> = {
    endpoint:
      'GET /api/sub-programmes/:id/export.xlsx ×N by one lead, while another lead GETs /api/sub-programmes/:id/line-items; real server over loopback, a fresh one a case',
    unit: 'ms',
    exports,
    flooderItems: flooder.items,
    readerItems: reader.items,
  };
  const table: TableRow[] = [];
  const cases: [string, number | null][] = [
    ['limit as configured (2 a user)', null],
    [`no limit (${exports} a user)`, exports],
  ];
  for (const [label, perUserLimit] of cases) {
    const figures = await floodCase(context, flooder, reader, { exports, quietReads, perUserLimit });
    const ratio = (during: Summary, quiet: Summary) => round(during.p50 / quiet.p50);
    json[perUserLimit === null ? 'withLimit' : 'withoutLimit'] = {
      ...figures,
      readP50FloodOverQuiet: ratio(figures.duringFlood, figures.quiet),
    };
    context.log(
      `  ${label}: reads p50 ${figures.quiet.p50} ms quiet, ${figures.duringFlood.p50} ms during the flood; exports ${JSON.stringify(figures.exportStatuses)}`,
    );
    table.push({
      section: 'exportFlood',
      case: label,
      'read p50 quiet': figures.quiet.p50,
      'read p50 flood': figures.duringFlood.p50,
      'read p95 flood': figures.duringFlood.p95,
      'flood/quiet': ratio(figures.duringFlood, figures.quiet),
      exports: Object.entries(figures.exportStatuses)
        .map(([status, count]) => `${count}×${status}`)
        .join(' '),
      'flood answered ms': figures.floodAnsweredMs,
    });
  }
  return { json, table };
}
