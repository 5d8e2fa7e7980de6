import { sql, type Kysely } from 'kysely';

// A scenario remembers a fingerprint of the cycle's items (ids and versions) when it was computed,
// instead of a counter on the cycle row: a counter every edit bumps would make all editors of a
// cycle queue on that one row.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('scenario')
    .addColumn('data_fingerprint', 'text', (col) => col.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('scenario').dropColumn('computed_at_data_version').execute();
  await db.schema.alterTable('budget_cycle').dropColumn('data_version').execute();
  await db.schema
    .alterTable('scenario')
    .addColumn('max_reduction', sql`numeric(14,2)`, (col) => col.notNull().defaultTo('0'))
    .execute();
  // What the year looked like per institution when the scenario was computed.
  await db.schema
    .alterTable('scenario')
    .addColumn('institution_effects', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await db.schema
    .alterTable('scenario')
    .addColumn('year_total_before', sql`numeric(14,2)`, (col) => col.notNull().defaultTo('0'))
    .execute();
  await db.schema
    .alterTable('scenario')
    .addCheckConstraint('scenario_name_present', sql`length(btrim(name)) > 0`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('scenario').dropConstraint('scenario_name_present').execute();
  await db.schema.alterTable('scenario').dropColumn('year_total_before').execute();
  await db.schema.alterTable('scenario').dropColumn('institution_effects').execute();
  await db.schema.alterTable('scenario').dropColumn('max_reduction').execute();
  await db.schema
    .alterTable('budget_cycle')
    .addColumn('data_version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('scenario')
    .addColumn('computed_at_data_version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('scenario').dropColumn('data_fingerprint').execute();
}
