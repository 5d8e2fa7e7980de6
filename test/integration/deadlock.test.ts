import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@ikt/db/create-db';
import { migrateToLatest } from '@ikt/db/migrate';
import { lineItemListSchema, lineItemSchema } from '@ikt/shared/line-item.schema';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';
import { expectProblem } from '../helpers/problem';
import { createScratchPostgres, type ScratchPostgres } from '../support/scratch-postgres';

/**
 * A deadlock needs two connections, so this runs on a PostgreSQL server of its own (the embedded
 * database has one connection): the app edits an item while another transaction holds the item's
 * sub-programme and then reaches for the item. PostgreSQL breaks the deadlock by rolling one
 * transaction back — here the app's, whose wait started first with the default deadlock_timeout.
 */

let postgres: ScratchPostgres;
let t: TestApp;
let lead: TestClient;
let subProgrammeId: number;

beforeAll(async () => {
  postgres = await createScratchPostgres();
  const database = await createDb({ databaseUrl: postgres.url, poolSize: 5 });
  await migrateToLatest(database.db);
  await seedReferenceData(database.db);
  t = await createTestApp({ demo: true, database });
  lead = await t.signIn('lead.fd@riga.example');
  const cycles = (await lead.get('/api/cycles')).json() as { id: number; status: string }[];
  const open = cycles.find((c) => c.status === 'open')!.id;
  subProgrammeId = subProgrammeListSchema.parse((await lead.get(`/api/cycles/${open}/sub-programmes`)).json())[0]!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
  postgres?.destroy();
});

/** Polls until some backend waits for a lock (pg_locks is read afresh on every call). */
async function untilSomeoneWaits(client: pg.Client): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const { rows } = await client.query<{ waiting: string }>(
      'SELECT count(*) AS waiting FROM pg_locks WHERE NOT granted',
    );
    if (Number(rows[0]!.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody waited for a lock');
}

describe('a deadlock', () => {
  it('answers 503 with Retry-After, saves nothing, and the same edit passes when tried again', async () => {
    const [item] = lineItemListSchema.parse(
      (await lead.get(`/api/sub-programmes/${subProgrammeId}/line-items`)).json(),
    );
    const year = Object.keys(item!.amounts)[0]!;
    const edit = () =>
      lead.patch(
        `/api/line-items/${item!.id}`,
        { amounts: { [year]: '4321.00' } },
        { 'if-match': `"${item!.version}"` },
      );

    const other = new pg.Client({ connectionString: postgres.url });
    await other.connect();
    try {
      // The other transaction waits long before it looks for deadlocks, so the app's is the one broken.
      await other.query("SET deadlock_timeout = '60s'");
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM sub_programme WHERE id = $1 FOR UPDATE', [subProgrammeId]);
      const answered = edit(); // locks the item, then waits for the sub-programme
      await untilSomeoneWaits(other);
      const otherLocksItem = other.query('SELECT 1 FROM line_item WHERE id = $1 FOR UPDATE', [item!.id]);

      const response = await answered;
      expectProblem(response, 503);
      expect(response.json()).toMatchObject({ type: 'urn:ikt-budzets:problem:conflict' });
      expect(response.headers['retry-after']).toBe('1');
      expect(response.body).not.toMatch(/deadlock|SELECT|line_item/i);

      await otherLocksItem; // the app's transaction was rolled back, so the item was free
      await other.query('ROLLBACK');
    } finally {
      await other.end();
    }

    const stored = lineItemSchema.parse((await lead.get(`/api/line-items/${item!.id}`)).json());
    expect(stored.version).toBe(item!.version);
    expect(stored.amounts[year]).toBe(item!.amounts[year]);

    const retried = await edit();
    expect(retried.statusCode).toBe(200);
    expect(lineItemSchema.parse(retried.json()).amounts[year]).toBe('4321.00');
  });
});
