import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createDb, type DbHandle } from '@ikt/db/create-db';
import { testDatabaseUrl, withDatabase } from '../setup/test-database-url';

/**
 * A database of this test file's own: a copy of the migrated, reference-seeded template made by
 * the global setup (or an empty one, for migration tests) — on the real PostgreSQL when one is configured, embedded otherwise.
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<DbHandle & { url?: string }> {
  const template = inject('templateDatabase');
  const serverUrl = testDatabaseUrl();
  if (template && serverUrl) {
    const name = `${template}_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${options.empty ? 'template0' : template}`);
    const url = withDatabase(serverUrl, name);
    const handle = await createDb({ databaseUrl: url, poolSize: 25 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }

  if (options.empty) return createDb({ dataDir: 'memory://' });
  const file = inject('pgliteTemplateFile');
  if (!file) throw new Error('the integration global setup provided no template database');
  return createDb({ dataDir: 'memory://', loadDataDir: new Blob([await readFile(file)]) });
}

/** CREATE/DROP DATABASE cannot run in a transaction or on the database itself: a short client. */
async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
