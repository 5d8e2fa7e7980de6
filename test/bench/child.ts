import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { createDb } from '@ikt/db/create-db';
import { fiscalYearsOf } from '@ikt/shared/domain';
import type { Actor } from '@ikt/shared/permissions';
import { buildApp } from '@ikt/server/app';
import { DEFAULT_SECURITY } from '@ikt/server/config';
import { createAuditService } from '@ikt/server/modules/audit/audit.service';
import { createLineItemService } from '@ikt/server/modules/budget/line-item.service';
import { createSpreadsheetService } from '@ikt/server/modules/spreadsheets/spreadsheets.service';
import { createBudgetServices } from '@ikt/server/services';
import { itemColumns } from '@ikt/server/modules/spreadsheets/item-sheet';
import { IMPORT_LIMITS } from '@ikt/server/modules/spreadsheets/workbook-reader';
import { decimalNumber, moneyNumber } from '@ikt/server/modules/spreadsheets/xlsx-cells';
import { multipart } from './http';
import { watchMemory } from './memory';

/**
 * One measurement in a process of its own, so that its peak RSS is that work's and not the bench
 * process's (which holds an app, a pool and the results of other sections):
 *
 *   node --import tsx test/bench/child.ts '<task as JSON>'
 *
 * prints one line `BENCH-RESULT <json>` on stdout (see runChild in processes.ts). Tasks:
 *
 * - `export`: builds the app over the bench database, listens on loopback and downloads
 *   GET /api/cycles/:id/export.xlsx into `file`, as a browser would.
 * - `bare`: exceljs's streaming writer writing the same item rows (same columns, plain values, no
 *   formulas, styles or other sheets), read with one SQL query through a cursor.
 * - `import`: a filled template uploaded through POST /api/sub-programmes/:id/import (`route`), or
 *   handed to the spreadsheet service built as the app builds it but with another row limit
 *   (`service`: the route refuses more than IMPORT_LIMITS.rows rows).
 */

export type ChildTask =
  | { kind: 'export'; databaseUrl: string; cycleId: number; cookie: string; file: string; noGc?: boolean }
  | { kind: 'bare'; databaseUrl: string; cycleId: number; file: string }
  | {
      kind: 'import';
      databaseUrl: string;
      subProgrammeId: number;
      file: string;
      via: 'route' | 'service';
      /** route: the lead's session cookie; service: the lead as an actor. */
      cookie: string;
      actor: Actor;
      rowLimit?: number;
    };

const appConfig = { logLevel: 'silent', clientDist: '/nonexistent-client-dist', security: DEFAULT_SECURITY } as const;

/** Downloads a URL into a file: milliseconds to the headers and to the last byte, bytes, status. */
function download(url: string, cookie: string, file: string) {
  return new Promise<{ status: number; bytes: number; headersMs: number; ms: number }>((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { headers: { cookie } }, (response) => {
      const headersMs = performance.now() - started;
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      const out = createWriteStream(file);
      out.on('finish', () =>
        resolve({ status: response.statusCode ?? 0, bytes, headersMs, ms: performance.now() - started }),
      );
      out.on('error', reject);
      response.on('error', reject);
      response.pipe(out);
    });
    request.on('error', reject);
  });
}

async function exportTask(task: Extract<ChildTask, { kind: 'export' }>) {
  if (task.noGc) {
    // memory.ts reaches gc() through v8.setFlagsFromString('--expose-gc'); refused, it collects nothing.
    (v8 as { setFlagsFromString: (flags: string) => void }).setFlagsFromString = () => {
      throw new Error('bench: no forced garbage collection');
    };
  }
  const handle = await createDb({ databaseUrl: task.databaseUrl, poolSize: 10 });
  const app = await buildApp({ db: handle.db, databaseKind: handle.kind, config: appConfig, logger: false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}/api/cycles/${task.cycleId}/export.xlsx`;
    const { result, memory } = await watchMemory(() => download(url, task.cookie, task.file));
    return { ...result, memory };
  } finally {
    await app.close();
    await handle.close();
  }
}

/** The item sheet's columns, as the app's cycle workbook has them, as plain values. */
const BARE_QUERY = `
  SELECT li.id, li.version, i.code AS institution, sp.code AS sub_programme, li.title, li.description,
         li.ekk_code, e.name_lv AS ekk_name, li.cost_nature, li.ict_service_code, li.information_system_code,
         (SELECT string_agg(g.goal_code, '; ' ORDER BY g.goal_code) FROM line_item_goal g WHERE g.line_item_id = li.id) AS goals,
         li.action_direction_code, li.priority, li.rank, li.quantity, li.unit, li.unit_price,
         a.y1, a.y2, a.y3,
         li.business_need, li.legal_basis, li.impact_if_cut, li.calculation_basis, li.review_status
    FROM line_item li
    JOIN sub_programme sp ON sp.id = li.sub_programme_id
    JOIN institution i ON i.id = sp.institution_id
    JOIN ekk_code e ON e.code = li.ekk_code
    LEFT JOIN LATERAL (
      SELECT sum(x.amount) FILTER (WHERE x.fiscal_year = $2) AS y1,
             sum(x.amount) FILTER (WHERE x.fiscal_year = $3) AS y2,
             sum(x.amount) FILTER (WHERE x.fiscal_year = $4) AS y3
        FROM line_item_amount x WHERE x.line_item_id = li.id) a ON true
   WHERE sp.cycle_id = $1
   ORDER BY sp.kind, sp.code, li.rank, li.id`;

/** A row of BARE_QUERY; pg answers NUMERIC (quantities, money) as text. */
type BareRow = Record<string, string | number | null> & {
  quantity: string | null;
  unit_price: string | null;
  y1: string | null;
  y2: string | null;
  y3: string | null;
};

async function bareTask(task: Extract<ChildTask, { kind: 'bare' }>) {
  const client = new pg.Client({ connectionString: task.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ year: number }>('SELECT year FROM budget_cycle WHERE id = $1', [
      task.cycleId,
    ]);
    const years = fiscalYearsOf(rows[0]!.year);
    const { result, memory } = await watchMemory(async () => {
      const started = performance.now();
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: task.file,
        useStyles: false,
        useSharedStrings: false,
      });
      const sheet = workbook.addWorksheet('Pozīcijas');
      // The app's own headings, in the app's order (itemColumns of the cycle workbook).
      sheet.addRow(itemColumns('cycle', years, 'lv').map((c) => c.header)).commit();
      // As the app writes cells: a quantity (a count, not money) through decimalNumber, money through moneyNumber.
      let count = 0;
      await client.query('BEGIN');
      await client.query(`DECLARE items NO SCROLL CURSOR FOR ${BARE_QUERY}`, [task.cycleId, ...years]);
      for (;;) {
        const page = await client.query<BareRow>('FETCH 1000 FROM items');
        if (page.rows.length === 0) break;
        for (const r of page.rows) {
          sheet
            .addRow([
              r.id,
              r.version,
              r.institution,
              r.sub_programme,
              r.title,
              r.description,
              r.ekk_code,
              r.ekk_name,
              r.cost_nature,
              r.ict_service_code,
              r.information_system_code,
              r.goals,
              r.action_direction_code,
              r.priority,
              r.rank,
              decimalNumber(r.quantity),
              r.unit,
              r.unit_price === null ? null : moneyNumber(r.unit_price),
              moneyNumber(r.y1 ?? '0'),
              moneyNumber(r.y2 ?? '0'),
              moneyNumber(r.y3 ?? '0'),
              r.business_need,
              r.legal_basis,
              r.impact_if_cut,
              r.calculation_basis,
              r.review_status,
            ])
            .commit();
          count++;
        }
      }
      await client.query('COMMIT');
      sheet.commit();
      await workbook.commit();
      return { rows: count, ms: performance.now() - started };
    });
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(task.file));
    return { ...result, bytes: size, memory };
  } finally {
    await client.end();
  }
}

async function importTask(task: Extract<ChildTask, { kind: 'import' }>) {
  const handle = await createDb({ databaseUrl: task.databaseUrl, poolSize: 10 });
  const app = await buildApp({ db: handle.db, databaseKind: handle.kind, config: appConfig, logger: false });
  try {
    await app.ready();
    const file = await readFile(task.file);
    const { result, memory } = await watchMemory(async () => {
      const started = performance.now();
      if (task.via === 'route') {
        const { payload, headers } = multipart(file);
        const response = await app.inject({
          method: 'POST',
          url: `/api/sub-programmes/${task.subProgrammeId}/import`,
          headers: { ...headers, cookie: task.cookie, accept: 'application/json' },
          payload,
        });
        return { status: response.statusCode, ms: performance.now() - started, body: response.json<unknown>() };
      }
      const db = handle.db;
      const service = createSpreadsheetService(
        db,
        {
          ...createBudgetServices(db),
          lineItems: createLineItemService(db, createAuditService(db)),
          readersOver: (executor) => createBudgetServices(executor),
        },
        { ...IMPORT_LIMITS, rows: task.rowLimit ?? IMPORT_LIMITS.rows },
      );
      try {
        const body = await service.importWorkbook(
          { actor: task.actor, requestId: 'bench-import' },
          task.subProgrammeId,
          { dryRun: false, language: 'lv', readFile: () => Promise.resolve(file) },
        );
        return { status: 200, ms: performance.now() - started, body: body };
      } catch (error) {
        const { status, problems, detail } = error as { status?: number; problems?: unknown[]; detail?: unknown };
        return {
          status: status ?? 500,
          ms: performance.now() - started,
          body: { detail: detail ?? String(error), problems },
        };
      }
    });
    return { ...result, memory };
  } finally {
    await app.close();
    await handle.close();
  }
}

/** Only the first problems of a refused import, so the answer stays small. */
function brief(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const record = body as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    out[key] = Array.isArray(value) ? { count: value.length, first: value.slice(0, 3) } : value;
  }
  return out;
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
  let result: unknown;
  if (task.kind === 'export') result = await exportTask(task);
  else if (task.kind === 'bare') result = await bareTask(task);
  else if (task.kind === 'import') {
    const answer = await importTask(task);
    result = { ...answer, body: brief(answer.body) };
  } else throw new Error(`unknown task ${JSON.stringify(task)}`);
  process.stdout.write(`BENCH-RESULT ${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
