import http from 'node:http';
import { sql } from 'kysely';
import { fiscalYearsOf } from '@ikt/shared/domain';
import { Decimal } from '@ikt/shared/money';
import { createBenchSubProgramme, removeSubProgrammes, scaleLeads, signInLead, type BenchLead } from './fixtures';
import { request, type HttpAnswer } from './http';
import { processFacts, spawnBenchServer, stopProcess, waitHealthy } from './processes';
import { percentile, round } from './stats';
import type { BenchContext, BenchSection, TableRow } from './types';
import { positiveSetting } from './settings';

/**
 * Concurrent editors over loopback against the real server (`node --import tsx
 * server/src/main.ts` on the bench database, a port of its own, its default log level): each
 * editor is an institution lead of a generated institution with a session of its own and one
 * kept-alive connection, and edits items of its own (copied from the scale cycle into a
 * sub-programme of the bench's own): GET /api/line-items/:id, then PATCH it with If-Match and the
 * first fiscal year's amount plus 1.00, again and again.
 *
 * Two phases: `saturated` (no pause: what the server and database can take) and `paced` (a think
 * time between an editor's edits, 0.5–1.5 × BENCH_EDITORS_THINK_MS). Any answer but 200 is an
 * error — a 412 too, since nobody else edits an editor's items. Lost updates: afterwards every
 * item's version must be its first plus the PATCHes answered 200, and its amount the first plus
 * as many euros.
 *
 *   BENCH_EDITORS (50), BENCH_EDITORS_SECONDS (20 a phase), BENCH_EDITORS_ITEMS (2 an editor),
 *   BENCH_EDITORS_THINK_MS (1000), BENCH_EDITORS_PHASES (saturated,paced)
 */

interface Editor {
  lead: BenchLead;
  items: number[];
  agent: http.Agent;
  cookie: string;
}

interface Sample {
  kind: 'get' | 'patch';
  status: number;
  ms: number;
}

const latency = (samples: readonly Sample[]) => {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
  };
};

/** Copies `count` items of the cycle (with amounts and goals) into the sub-programme; answers their ids. */
async function copyItems(context: BenchContext, subProgrammeId: number, offset: number, count: number) {
  const { rows } = await sql<{ id: number }>`
    WITH source AS (
      SELECT li.* FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
       WHERE sp.cycle_id = ${context.cycleId} AND sp.code NOT LIKE 'IKT.%.BENCH-%' AND li.review_status <> 'cut'
       ORDER BY li.id OFFSET ${offset} LIMIT ${count}),
    copied AS (
      INSERT INTO line_item (sub_programme_id, title, description, ekk_code, cost_nature, ict_service_code,
                             information_system_code, action_direction_code, priority, rank, quantity, unit,
                             unit_price, business_need, legal_basis, impact_if_cut, calculation_basis, carried_from_id)
      SELECT ${subProgrammeId}, title, description, ekk_code, cost_nature, ict_service_code, information_system_code,
             action_direction_code, priority, row_number() OVER (ORDER BY id), quantity, unit, unit_price,
             business_need, legal_basis, impact_if_cut, calculation_basis, id
        FROM source
      RETURNING id, carried_from_id AS source_id),
    amounts AS (
      INSERT INTO line_item_amount (line_item_id, fiscal_year, amount)
      SELECT c.id, a.fiscal_year, a.amount FROM copied c JOIN line_item_amount a ON a.line_item_id = c.source_id),
    goals AS (
      INSERT INTO line_item_goal (line_item_id, goal_code)
      SELECT c.id, g.goal_code FROM copied c JOIN line_item_goal g ON g.line_item_id = c.source_id)
    SELECT id FROM copied ORDER BY id`.execute(context.db);
  // carried_from_id served only to match the copies; an edit would not see it anyway, but clear it.
  await context.db
    .updateTable('line_item')
    .set({ carried_from_id: null })
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Each item's version and first-year amount, from the database. */
async function itemStates(context: BenchContext, ids: number[], year: number) {
  const rows = await context.db
    .selectFrom('line_item as li')
    .leftJoin('line_item_amount as a', (join) =>
      join.onRef('a.line_item_id', '=', 'li.id').on('a.fiscal_year', '=', year),
    )
    .select(['li.id', 'li.version', 'a.amount'])
    .where('li.id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { version: r.version, amount: new Decimal(r.amount ?? '0') }]));
}

export const editorsSection: BenchSection = {
  name: 'editors',
  async run(context: BenchContext) {
    const editorCount = positiveSetting('BENCH_EDITORS', 50);
    const seconds = positiveSetting('BENCH_EDITORS_SECONDS', 20);
    const itemsEach = positiveSetting('BENCH_EDITORS_ITEMS', 2);
    const thinkMs = positiveSetting('BENCH_EDITORS_THINK_MS', 1000);
    const phases = (process.env.BENCH_EDITORS_PHASES ?? 'saturated,paced')
      .split(',')
      .map((p) => p.trim())
      .filter((p): p is 'saturated' | 'paced' => p === 'saturated' || p === 'paced');
    const { db } = context;
    const year = fiscalYearsOf(context.cycleYear)[0]!;

    const leads = await scaleLeads(db, editorCount);
    const subProgrammes: number[] = [];
    const server = await spawnBenchServer(context.databaseUrl);
    const { port, base } = server;
    const editors: Editor[] = [];
    try {
      context.log(`editors: ${editorCount} leads, ${itemsEach} items each, server on port ${port} …`);
      for (const [index, lead] of leads.entries()) {
        const subProgrammeId = await createBenchSubProgramme(db, context.cycleId, lead, 'EDIT');
        subProgrammes.push(subProgrammeId);
        const items = await copyItems(context, subProgrammeId, index * itemsEach, itemsEach);
        editors.push({ lead, items, agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), cookie: '' });
      }
      const allItems = editors.flatMap((e) => e.items);
      const initial = await itemStates(context, allItems, year);

      await waitHealthy(port, server.child, { output: server.output });
      const signInStarted = performance.now();
      for (const editor of editors) {
        editor.cookie = await signInLead(editor.agent, base, editor.lead);
      }
      const signInMs = performance.now() - signInStarted;

      const successes = new Map(allItems.map((id) => [id, 0]));
      const echoMismatches: number[] = [];
      const failures: { status: number; body: string }[] = [];

      /** One edit: GET, then PATCH with If-Match and the amount plus 1.00. */
      const edit = async (editor: Editor, id: number, samples: Sample[] | null) => {
        const path = `/api/line-items/${id}`;
        const headers = { cookie: editor.cookie };
        const got: HttpAnswer = await request(editor.agent, base, { method: 'GET', path, headers });
        samples?.push({ kind: 'get', status: got.status, ms: got.ms });
        if (got.status !== 200) {
          failures.push({ status: got.status, body: got.body.slice(0, 300) });
          return;
        }
        const item = JSON.parse(got.body) as { amounts: Record<string, string> };
        const next = new Decimal(item.amounts[String(year)] ?? '0').plus(1).toFixed(2);
        const patched = await request(editor.agent, base, {
          method: 'PATCH',
          path,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'if-match': String(got.headers.etag ?? ''),
          },
          body: JSON.stringify({ amounts: { [String(year)]: next } }),
        });
        samples?.push({ kind: 'patch', status: patched.status, ms: patched.ms });
        if (patched.status !== 200) {
          failures.push({ status: patched.status, body: patched.body.slice(0, 300) });
          return;
        }
        successes.set(id, successes.get(id)! + 1);
        const answer = JSON.parse(patched.body) as { amounts: Record<string, string> };
        if (answer.amounts[String(year)] !== next) echoMismatches.push(id);
      };

      // Warm-up: every editor edits each of its items once (counted for lost updates, not timed).
      await Promise.all(editors.map(async (e) => Promise.all(e.items.map((id) => edit(e, id, null)))));
      failures.length = 0;

      const json: Record<string, unknown> = {
        endpoint: 'GET + PATCH /api/line-items/:id (If-Match), real server over loopback',
        unit: 'ms',
        editors: editorCount,
        itemsPerEditor: itemsEach,
        secondsPerPhase: seconds,
        signInMs: round(signInMs),
        targets: { patchP95Ms: 50, errors: 0, lostUpdates: 0 },
      };
      const table: TableRow[] = [];
      for (const phase of phases) {
        context.log(`  ${phase} for ${seconds} s …`);
        const samples: Sample[] = [];
        const failuresBefore = failures.length;
        const serverBefore = processFacts(server.child.pid);
        const clientBefore = process.cpuUsage();
        const started = performance.now();
        const deadline = started + seconds * 1000;
        await Promise.all(
          editors.map(async (editor) => {
            for (let round = 0; performance.now() < deadline; round++) {
              await edit(editor, editor.items[round % editor.items.length]!, samples);
              if (phase === 'paced') {
                await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
              }
            }
          }),
        );
        const elapsed = (performance.now() - started) / 1000;
        const clientCpu = process.cpuUsage(clientBefore);
        const serverAfter = processFacts(server.child.pid);
        const gets = samples.filter((s) => s.kind === 'get');
        const patches = samples.filter((s) => s.kind === 'patch');
        const errors = failures.slice(failuresBefore);
        const byStatus: Record<string, number> = {};
        for (const f of errors) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
        const figures = {
          thinkMs: phase === 'paced' ? thinkMs : 0,
          seconds: round(elapsed, 1),
          requests: samples.length,
          requestsPerSecond: round(samples.length / elapsed, 1),
          editsPerSecond: round(patches.filter((p) => p.status === 200).length / elapsed, 1),
          get: latency(gets),
          patch: latency(patches),
          errors: errors.length,
          errorsByStatus: byStatus,
          firstError: errors[0] ?? null,
          serverCpuS:
            serverBefore.cpuS === null || serverAfter.cpuS === null
              ? null
              : round(serverAfter.cpuS - serverBefore.cpuS),
          clientCpuS: round((clientCpu.user + clientCpu.system) / 1e6),
          serverPeakRssMb: serverAfter.peakMb,
        };
        json[phase] = figures;
        table.push({
          section: 'editors',
          case: `${editorCount} ${phase}`,
          'req/s': figures.requestsPerSecond,
          'GET p50': figures.get.p50,
          'GET p95': figures.get.p95,
          'PATCH p50': figures.patch.p50,
          'PATCH p95': figures.patch.p95,
          'PATCH p99': figures.patch.p99,
          errors: figures.errors,
        });
      }

      // Lost updates: every 200 must show in the item's version and amount.
      const final = await itemStates(context, allItems, year);
      const lost = allItems.filter((id) => {
        const before = initial.get(id)!;
        const after = final.get(id);
        const count = successes.get(id)!;
        return !after || after.version !== before.version + count || !after.amount.equals(before.amount.plus(count));
      });
      const edits = [...successes.values()].reduce((a, b) => a + b, 0);
      json.items = allItems.length;
      json.successfulEdits = edits;
      json.lostUpdates = lost.length;
      json.lostUpdateItems = lost.slice(0, 10);
      json.answerMismatches = echoMismatches.length;
      for (const row of table) row['lost upd.'] = lost.length;
      for (const editor of editors) {
        await request(editor.agent, base, {
          method: 'POST',
          path: '/api/auth/logout',
          headers: { cookie: editor.cookie },
        })
          .then(() => undefined)
          .catch(() => undefined);
      }
      return { json, table };
    } finally {
      for (const editor of editors) editor.agent.destroy();
      await stopProcess(server.child);
      await removeSubProgrammes(db, subProgrammes);
    }
  },
};
