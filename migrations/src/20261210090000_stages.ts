import { sql, type Kysely } from 'kysely';

// The stages of an item's figures beside its request (line_item_amount): ITC's proposal, the
// adopted budget (frozen when the council approves the cycle) and the current one (adopted, then
// moved by amendments). Null while the stage has not been reached. The proposal's reason code and
// comment are the item's.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('line_item_stage')
    .addColumn('line_item_id', 'integer', (col) => col.notNull().references('line_item.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (col) => col.notNull())
    .addColumn('proposal', sql`numeric(14,2)`)
    .addColumn('adopted', sql`numeric(14,2)`)
    .addColumn('current', sql`numeric(14,2)`)
    .addPrimaryKeyConstraint('line_item_stage_pk', ['line_item_id', 'fiscal_year'])
    .addCheckConstraint(
      'line_item_stage_non_negative',
      sql`coalesce(proposal, 0) >= 0 AND coalesce(adopted, 0) >= 0 AND coalesce("current", 0) >= 0`,
    )
    .execute();
  // The same three years as the request (the function is line_item_amount's).
  await sql`
    CREATE TRIGGER line_item_stage_check_year BEFORE INSERT OR UPDATE ON line_item_stage
    FOR EACH ROW EXECUTE FUNCTION line_item_amount_check_year()`.execute(db);

  // The adopted budget is the budget of record: once set, never edited again.
  await sql`
    CREATE FUNCTION line_item_stage_adopted_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.adopted IS NOT NULL AND NEW.adopted IS DISTINCT FROM OLD.adopted THEN
        RAISE EXCEPTION 'the adopted figure of line item % is frozen', OLD.line_item_id USING ERRCODE = '23514';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER line_item_stage_adopted_frozen BEFORE UPDATE ON line_item_stage
    FOR EACH ROW EXECUTE FUNCTION line_item_stage_adopted_frozen()`.execute(db);

  await db.schema
    .alterTable('line_item')
    .addColumn('proposal_reason_code', 'text')
    .addColumn('proposal_comment', 'text')
    .execute();
  await sql`
    ALTER TABLE line_item ADD CONSTRAINT line_item_proposal_reason_code CHECK (proposal_reason_code IN
      ('not_justified', 'duplicate', 'price_updated', 'deferred', 'scope_reduced', 'policy_cut', 'reallocated', 'other'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('line_item').dropConstraint('line_item_proposal_reason_code').execute();
  await db.schema.alterTable('line_item').dropColumn('proposal_reason_code').dropColumn('proposal_comment').execute();
  await db.schema.dropTable('line_item_stage').execute();
  await sql`DROP FUNCTION line_item_stage_adopted_frozen()`.execute(db);
}
