import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { createDb, type DbHandle } from '@ikt/db/create-db';
import { migrateToLatest } from '@ikt/db/migrate';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { findScaleCycles, seedScaleData, SCALE_DEFAULT_ITEMS, vacuumScaleTables } from '@ikt/seeds/scale.seed';
import { buildApp } from '@ikt/server/app';
import { DEFAULT_SECURITY } from '@ikt/server/config';
import { createUsersService } from '@ikt/server/modules/users/users.service';
import { BENCH_CODE_PATTERN, benchItemCount, removeBenchLeftovers } from './fixtures';
import { positiveSetting } from './settings';
import type { BenchContext } from './types';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ikt_bench';
export const BENCH_USER = { email: 'bench.itc@riga.example', password: 'bench-password-2040' };

export interface BenchSetup {
  context: BenchContext;
  dataset: Record<string, unknown>;
  close(): Promise<void>;
}

/** The URL without its password, fit for a report. */
export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Creates the database when the server does not have it (CREATE DATABASE needs a connection elsewhere). */
async function ensureDatabase(url: string, log: (message: string) => void): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  target.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: target.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    log(`created database ${name}`);
  } finally {
    await admin.end();
  }
}

/** Signs the bench user (itc_finance) in, creating it through the users service the first time. */
async function signIn(app: FastifyInstance, handle: DbHandle): Promise<string> {
  const existing = await handle.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', BENCH_USER.email)
    .executeTakeFirst();
  if (!existing) {
    await createUsersService(handle.db).create(null, {
      email: BENCH_USER.email,
      name: 'Slodzes testa ITC finanses',
      role: 'itc_finance',
      institutionId: null,
      password: BENCH_USER.password,
    });
  }
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: BENCH_USER });
  const cookie = response.cookies.find((c) => c.name === 'ikt_session');
  if (!cookie) throw new Error(`bench sign-in failed (${response.statusCode}: ${response.body})`);
  return `${cookie.name}=${cookie.value}`;
}

/**
 * The benchmark database (BENCH_DATABASE_URL, DATABASE_URL, or ikt_bench on the local server):
 * created if missing, migrated, reference data loaded, the scale data set generated when absent
 * (or when SCALE_ITEMS asks for another size), and the real app built over it.
 */
export async function openBench(log: (message: string) => void): Promise<BenchSetup> {
  const databaseUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || DEFAULT_BENCH_DATABASE_URL;
  const wantedItems = positiveSetting('SCALE_ITEMS');
  await ensureDatabase(databaseUrl, log);
  const handle = await createDb({ databaseUrl, poolSize: 10 });
  try {
    await migrateToLatest(handle.db);
    await seedReferenceData(handle.db);
    const leftovers = await removeBenchLeftovers(handle.db);
    if (leftovers > 0) log(`removed ${leftovers} sub-programme(s) an interrupted bench run left behind`);

    let scale = await findScaleCycles(handle.db);
    let seed: Record<string, unknown> | null = null;
    // Items of another bench run's own sub-programmes (one still running) are not the data set's.
    const generatedItems = scale ? scale.items - (await benchItemCount(handle.db, scale.cycleId)) : 0;
    if (!scale || scale.baseCycleId === null || (wantedItems !== undefined && generatedItems !== wantedItems)) {
      const items = wantedItems ?? SCALE_DEFAULT_ITEMS;
      log(`generating the scale data set (${items} items) …`);
      const started = performance.now();
      const result = await seedScaleData(handle.db, { items, log });
      seed = {
        seconds: Math.round((performance.now() - started) / 100) / 10,
        fingerprint: result.fingerprint,
        timingsMs: result.timingsMs,
      };
      scale = await findScaleCycles(handle.db);
    } else {
      // Earlier runs' imports and edits were deleted; the next sections should not measure the dead rows.
      await vacuumScaleTables(handle.db);
    }
    if (!scale || scale.baseCycleId === null) throw new Error('the scale data set is missing after seeding');

    const counts = await handle.db
      .selectFrom('line_item as li')
      .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
      .innerJoin('line_item_amount as a', 'a.line_item_id', 'li.id')
      .select((eb) => [
        'sp.cycle_id',
        eb.fn.count<string>('li.id').distinct().as('items'),
        eb.fn.countAll<string>().as('amounts'),
      ])
      .where('sp.cycle_id', 'in', [scale.cycleId, scale.baseCycleId])
      .where('sp.code', 'not like', BENCH_CODE_PATTERN)
      .groupBy('sp.cycle_id')
      .execute();
    const countOf = (cycleId: number) => counts.find((c) => c.cycle_id === cycleId);
    const cycles = await handle.db
      .selectFrom('budget_cycle')
      .select(['id', 'year'])
      .where('id', 'in', [scale.cycleId, scale.baseCycleId])
      .execute();
    const yearOf = (cycleId: number) => cycles.find((c) => c.id === cycleId)!.year;

    const app = await buildApp({
      db: handle.db,
      databaseKind: handle.kind,
      config: { logLevel: 'silent', clientDist: '/nonexistent-client-dist', security: DEFAULT_SECURITY },
      logger: false,
    });
    await app.ready();
    const cookie = await signIn(app, handle);

    const context: BenchContext = {
      db: handle.db,
      databaseUrl,
      app,
      get: (url) => app.inject({ method: 'GET', url, headers: { cookie } }),
      cookie,
      cycleId: scale.cycleId,
      baseCycleId: scale.baseCycleId,
      cycleYear: yearOf(scale.cycleId),
      baseCycleYear: yearOf(scale.baseCycleId),
      iterations: positiveSetting('BENCH_ITERATIONS', 20),
      warmup: positiveSetting('BENCH_WARMUP', 3),
      log,
    };
    return {
      context,
      dataset: {
        database: redact(databaseUrl),
        cycleId: scale.cycleId,
        baseCycleId: scale.baseCycleId,
        items: Number(countOf(scale.cycleId)?.items ?? 0),
        amountRows: Number(countOf(scale.cycleId)?.amounts ?? 0),
        baseItems: Number(countOf(scale.baseCycleId)?.items ?? 0),
        baseAmountRows: Number(countOf(scale.baseCycleId)?.amounts ?? 0),
        seededThisRun: seed,
      },
      close: async () => {
        await app.close();
        await handle.close();
      },
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
