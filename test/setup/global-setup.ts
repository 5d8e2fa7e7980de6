import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '@ikt/db/create-db';
import { migrateToLatest } from '@ikt/db/migrate';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { testDatabaseUrl, withDatabase } from './test-database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Real PostgreSQL: the migrated template database every test file copies. */
    templateDatabase: string | null;
    /** Embedded: a dump of a migrated PGlite every test file loads. */
    pgliteTemplateFile: string | null;
  }
}

/**
 * Migrates and seeds one template database for the whole run (as immich does); every test file
 * then gets its own copy, so files run in parallel without seeing each other's rows.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = testDatabaseUrl();
  if (serverUrl) {
    const template = `ikt_template_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const handle = await createDb({ databaseUrl: withDatabase(serverUrl, template), poolSize: 2 });
    await migrateToLatest(handle.db);
    await seedReferenceData(handle.db);
    await handle.close();
    project.provide('templateDatabase', template);
    project.provide('pgliteTemplateFile', null);
    return async () => {
      // Copies left behind by a crashed file go too.
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${template}%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await admin.end();
    };
  }

  const folder = await mkdtemp(path.join(tmpdir(), 'ikt-test-'));
  const handle = await createDb({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  await seedReferenceData(handle.db);
  const file = path.join(folder, 'template.tar');
  if (!handle.pglite) throw new Error('expected the embedded database');
  const dump = await handle.pglite.dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide('templateDatabase', null);
  project.provide('pgliteTemplateFile', file);
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
