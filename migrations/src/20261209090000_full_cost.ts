import { sql, type Kysely } from 'kysely';

// The full cost of ICT per institution: what the ITC central sub-programme's services cost each
// institution that consumes them, and the whole budget classified by TBM beside EKK.
//
// - TBM cost pools and technology resource towers are reference data; each EKK code names its
//   cost pool and each ICT service its tower (NULL: not mapped, reported as such, never guessed).
// - Per cycle, each service has a driver: the unit its consumption is counted in, or `direct`
//   when its items name their beneficiaries. Per cycle, service, institution and fiscal year, the
//   quantity consumed (exact, like an item's quantity).
// - `allocation_version` on the cycle versions the drivers and quantities together (If-Match).
// - A central item may name beneficiary institutions with shares in per cent adding up to 100.

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['tbm_cost_pool', 'tbm_tower']) {
    await db.schema
      .createTable(table)
      .addColumn('code', 'text', (col) => col.primaryKey())
      .addColumn('name_lv', 'text', (col) => col.notNull())
      .addColumn('name_en', 'text', (col) => col.notNull())
      .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
      .addCheckConstraint(`${table}_code_format`, sql`code ~ '^[A-Z][A-Z_]{1,31}$'`)
      .execute();
  }
  await db.schema
    .alterTable('ekk_code')
    .addColumn('tbm_cost_pool_code', 'text', (col) => col.references('tbm_cost_pool.code').onDelete('restrict'))
    .execute();
  await db.schema
    .alterTable('ict_service')
    .addColumn('tbm_tower_code', 'text', (col) => col.references('tbm_tower.code').onDelete('restrict'))
    .execute();

  await db.schema
    .alterTable('budget_cycle')
    .addColumn('allocation_version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('service_driver')
    .addColumn('cycle_id', 'integer', (col) => col.notNull().references('budget_cycle.id').onDelete('cascade'))
    .addColumn('service_code', 'text', (col) => col.notNull().references('ict_service.code').onDelete('restrict'))
    .addColumn('unit_lv', 'text', (col) => col.notNull())
    .addColumn('unit_en', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('service_driver_pk', ['cycle_id', 'service_code'])
    .addCheckConstraint(
      'service_driver_unit',
      sql`length(unit_lv) BETWEEN 1 AND 80 AND length(unit_en) BETWEEN 1 AND 80`,
    )
    .execute();

  await db.schema
    .createTable('service_consumption')
    .addColumn('cycle_id', 'integer', (col) => col.notNull().references('budget_cycle.id').onDelete('cascade'))
    .addColumn('service_code', 'text', (col) => col.notNull().references('ict_service.code').onDelete('restrict'))
    .addColumn('institution_id', 'integer', (col) => col.notNull().references('institution.id').onDelete('restrict'))
    .addColumn('fiscal_year', 'integer', (col) => col.notNull())
    .addColumn('quantity', sql`numeric(14,3)`, (col) => col.notNull())
    .addPrimaryKeyConstraint('service_consumption_pk', ['cycle_id', 'service_code', 'institution_id', 'fiscal_year'])
    .addCheckConstraint('service_consumption_quantity', sql`quantity >= 0`)
    .execute();

  await db.schema
    .createTable('line_item_beneficiary')
    .addColumn('line_item_id', 'integer', (col) => col.notNull().references('line_item.id').onDelete('cascade'))
    .addColumn('institution_id', 'integer', (col) => col.notNull().references('institution.id').onDelete('restrict'))
    .addColumn('share', sql`numeric(7,4)`, (col) => col.notNull())
    .addPrimaryKeyConstraint('line_item_beneficiary_pk', ['line_item_id', 'institution_id'])
    .addCheckConstraint('line_item_beneficiary_share', sql`share > 0 AND share <= 100`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('line_item_beneficiary').execute();
  await db.schema.dropTable('service_consumption').execute();
  await db.schema.dropTable('service_driver').execute();
  await db.schema.alterTable('budget_cycle').dropColumn('allocation_version').execute();
  await db.schema.alterTable('ict_service').dropColumn('tbm_tower_code').execute();
  await db.schema.alterTable('ekk_code').dropColumn('tbm_cost_pool_code').execute();
  await db.schema.dropTable('tbm_tower').execute();
  await db.schema.dropTable('tbm_cost_pool').execute();
}
