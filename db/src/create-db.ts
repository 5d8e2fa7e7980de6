import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database';
import { PGliteDialect } from './pglite-dialect';

export type DatabaseKind = 'postgres' | 'pglite';

export interface DbHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The embedded database itself, for dumps and backups; absent on PostgreSQL. */
  pglite?: PGlite;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL connection string; without one the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Where the embedded database keeps its files; `memory://` keeps them in memory. */
  dataDir?: string | undefined;
  /** Loads an embedded database from a dump (tests clone a migrated template this way). */
  loadDataDir?: Blob | File | undefined;
  poolSize?: number | undefined;
}

const PG_OID_INT8 = 20;
const PG_OID_DATE = 1082;
const keepText = (value: string) => value;

/**
 * One code path over two databases. Both drivers are made to agree: BIGINT and DATE come back as
 * text (a DATE turned into a JavaScript Date shifts with the time zone), NUMERIC stays text.
 */
export async function createDb(options: CreateDbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === PG_OID_INT8 || oid === PG_OID_DATE
            ? keepText
            : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // A client losing its server (a restart, an outage) must not crash the process. Idle, the
    // pool reports it here and replaces it; checked out (a transaction in flight), the client
    // itself emits 'error' — the query under way fails with it and is answered 503 — so every
    // client gets a listener too.
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }

  const dataDir = options.dataDir ?? './.data';
  if (!dataDir.startsWith('memory://')) {
    // PGlite does not create parent folders.
    await mkdir(path.dirname(path.resolve(dataDir)), { recursive: true });
  }
  const pglite = await PGlite.create(dataDir, {
    loadDataDir: options.loadDataDir,
    parsers: { [pgliteTypes.INT8]: keepText, [pgliteTypes.DATE]: keepText },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
