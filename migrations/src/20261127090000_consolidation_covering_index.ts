import { sql, type Kysely } from 'kysely';

// Consolidation groups a cycle's items by one of their classifications. With every column it reads
// in the index, PostgreSQL finds a cycle's items without visiting the wide line_item rows (titles,
// justifications): measured by `npm run bench` (consolidation section), README "Benchmarks".
// scenario_cut is looked up by line item when an item is deleted or adopted.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX line_item_consolidation_idx ON line_item (sub_programme_id)
    INCLUDE (id, review_status, cost_nature, priority, ekk_code, action_direction_code, ict_service_code,
             information_system_code)`.execute(db);
  await db.schema.createIndex('scenario_cut_line_item_idx').on('scenario_cut').column('line_item_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('scenario_cut_line_item_idx').execute();
  await db.schema.dropIndex('line_item_consolidation_idx').execute();
}
