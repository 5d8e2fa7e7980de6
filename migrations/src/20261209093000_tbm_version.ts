import type { Kysely } from 'kysely';

// The TBM cost pools and towers became admin-maintained reference data: an edit names the
// version it was based on (If-Match), so two administrators do not overwrite each other.

const TABLES = ['tbm_cost_pool', 'tbm_tower'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}
