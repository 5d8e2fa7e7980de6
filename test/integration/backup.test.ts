import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '@ikt/db/backup';
import { createDb, type DbHandle } from '@ikt/db/create-db';
import { migrateToLatest } from '@ikt/db/migrate';
import { seedDemoData } from '@ikt/seeds/demo.seed';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { createScratchPostgres, type ScratchPostgres } from '../support/scratch-postgres';

/** What a finance user would check after a restore: every cycle's totals per fiscal year, to the cent. */
async function totals(handle: DbHandle) {
  return handle.db
    .selectFrom('line_item_amount as a')
    .innerJoin('line_item as li', 'li.id', 'a.line_item_id')
    .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
    .select(['sp.cycle_id', 'a.fiscal_year', (eb) => eb.fn.sum<string>('a.amount').as('total')])
    .groupBy(['sp.cycle_id', 'a.fiscal_year'])
    .orderBy('sp.cycle_id')
    .orderBy('a.fiscal_year')
    .execute();
}

async function seeded(handle: DbHandle): Promise<DbHandle> {
  await migrateToLatest(handle.db);
  await seedReferenceData(handle.db);
  await seedDemoData(handle.db);
  return handle;
}

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'ikt-backup-'));
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a PostgreSQL dump restores into a fresh database with the same totals', async () => {
    let postgres: ScratchPostgres | undefined;
    try {
      postgres = await createScratchPostgres();
      const admin = await createDb({ databaseUrl: postgres.url, poolSize: 1 });
      const { sql } = await import('kysely');
      await sql`CREATE DATABASE source`.execute(admin.db);
      await sql`CREATE DATABASE restored`.execute(admin.db);
      await admin.close();
      const sourceUrl = postgres.url.replace(/\/postgres$/, '/source');
      const restoredUrl = postgres.url.replace(/\/postgres$/, '/restored');

      const source = await seeded(await createDb({ databaseUrl: sourceUrl, poolSize: 2 }));
      const expected = await totals(source);
      await source.close();
      const file = path.join(folder, 'ikt.dump');
      await backupDatabase({ databaseUrl: sourceUrl }, file);
      await restoreDatabase({ databaseUrl: restoredUrl }, file);

      const restored = await createDb({ databaseUrl: restoredUrl, poolSize: 2 });
      expect(expected.length).toBeGreaterThan(0);
      expect(await totals(restored)).toEqual(expected);
      // The restored database is a working one: the audit trail is still append-only.
      await expect(sql`TRUNCATE audit_event`.execute(restored.db)).rejects.toMatchObject({ code: '42501' });
      await restored.close();
    } finally {
      postgres?.destroy();
    }
  }, 120_000);

  it('an embedded database restores into a new data folder with the same totals', async () => {
    const dataDir = path.join(folder, 'embedded');
    const source = await seeded(await createDb({ dataDir }));
    const expected = await totals(source);
    await source.close();

    const file = path.join(folder, 'embedded.tar.gz');
    await backupDatabase({ dataDir }, file);
    const restoredDir = path.join(folder, 'restored');
    await restoreDatabase({ dataDir: restoredDir }, file);
    await expect(restoreDatabase({ dataDir: restoredDir }, file)).rejects.toThrow(/not empty/);

    const restored = await createDb({ dataDir: restoredDir });
    expect(await totals(restored)).toEqual(expected);
    await restored.close();
  }, 120_000);
});
