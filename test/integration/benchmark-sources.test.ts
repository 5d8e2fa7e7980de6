import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@ikt/db/create-db';
import { readSeedCsv } from '@ikt/seeds/csv';
import { BENCHMARK_SOURCES, down, up } from '../../migrations/src/20261208090000_benchmark_sources_in_words';
import { createTestDatabase } from '../helpers/database';

/**
 * Issue #14, item 10: a benchmark's source is said in plain words ("Rīgas IKT attīstības
 * pamatnostādnes 2016–2020, I6: 2015. gada dati"), on a new database (the seed) and on one seeded
 * before with the working notes ("seed I6 (2015 data)"), which the data migration rewrites.
 */
let handle: DbHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

async function sources(): Promise<Record<string, string>> {
  const rows = await handle.db.selectFrom('benchmark').select(['indicator', 'source']).execute();
  return Object.fromEntries(rows.map((row) => [row.indicator, row.source]));
}

describe('benchmark sources', () => {
  it('a new database is seeded with the sources in plain words, the same the migration writes', async () => {
    const seeded = await sources();
    expect(seeded.ict_central_budget_share).toBe('Rīgas IKT attīstības pamatnostādnes 2016–2020, I6: 2015. gada dati');
    for (const source of Object.values(seeded)) expect(source).not.toMatch(/seed|data\)|no figure/);
    const csv = await readSeedCsv('benchmarks.csv');
    expect(Object.fromEntries(BENCHMARK_SOURCES.map((b) => [b.indicator, b.source]))).toEqual(
      Object.fromEntries(csv.map((row) => [row.indicator, row.source])),
    );
  });

  it('a database seeded with the old notes has them rewritten, and an administrator’s own source is kept', async () => {
    const db = handle.db;
    for (const { indicator, note } of BENCHMARK_SOURCES) {
      await db.updateTable('benchmark').set({ source: note }).where('indicator', '=', indicator).execute();
    }
    const own = 'ITC aprēķins, 2026';
    await db.updateTable('benchmark').set({ source: own }).where('indicator', '=', 'ict_cost_per_user').execute();

    await up(db);
    const after = await sources();
    expect(after.ict_central_budget_share).toBe('Rīgas IKT attīstības pamatnostādnes 2016–2020, I6: 2015. gada dati');
    expect(after.users_per_it_staff).toMatch(/^Rīgas IKT attīstības pamatnostādnes 2016–2020, I6: /);
    expect(after.ict_cost_per_computer).toMatch(/^Rīgas IKT attīstības pamatnostādnes 2016–2020, M6: /);
    expect(after.ict_cost_per_user).toBe(own);

    await down(db);
    const undone = await sources();
    expect(undone.ict_central_budget_share).toBe('seed I6 (2015 data)');
    expect(undone.ict_cost_per_user).toBe(own);
  });
});
