import { sql, type Kysely } from 'kysely';

// Cycles, sub-programmes, defended line items and their amounts, the review dialogue,
// submission snapshots and cut scenarios. Money is NUMERIC(14,2) and never negative.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('budget_cycle')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('year', 'integer', (col) => col.notNull().unique())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('submission_deadline', 'date')
    .addColumn('base_cycle_id', 'integer', (col) => col.references('budget_cycle.id').onDelete('restrict'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
    // M6 inputs
    .addColumn('municipal_budget_total', sql`numeric(14,2)`)
    .addColumn('ict_users', 'integer')
    .addColumn('computers', 'integer')
    .addColumn('it_staff', 'integer')
    // Bumped by every change to the cycle's budget data, so a scenario computed on older data
    // can be told apart from one that is current.
    .addColumn('data_version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('budget_cycle_year_range', sql`year BETWEEN 2000 AND 2200`)
    .addCheckConstraint(
      'budget_cycle_status',
      sql`status IN ('draft', 'open', 'review', 'consolidated', 'approved', 'closed')`,
    )
    .addCheckConstraint('budget_cycle_not_own_base', sql`base_cycle_id IS DISTINCT FROM id`)
    .addCheckConstraint(
      'budget_cycle_m6_non_negative',
      sql`coalesce(municipal_budget_total, 0) >= 0 AND coalesce(ict_users, 0) >= 0
          AND coalesce(computers, 0) >= 0 AND coalesce(it_staff, 0) >= 0`,
    )
    .execute();

  await db.schema
    .createTable('sub_programme')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('cycle_id', 'integer', (col) => col.notNull().references('budget_cycle.id').onDelete('cascade'))
    .addColumn('code', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('institution_id', 'integer', (col) => col.notNull().references('institution.id').onDelete('restrict'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('draft'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sub_programme_code_in_cycle', ['cycle_id', 'code'])
    .addCheckConstraint('sub_programme_kind', sql`kind IN ('institution', 'central')`)
    .addCheckConstraint('sub_programme_status', sql`status IN ('draft', 'submitted', 'returned', 'accepted')`)
    .execute();
  await sql`CREATE UNIQUE INDEX sub_programme_one_central_per_cycle ON sub_programme (cycle_id) WHERE kind = 'central'`.execute(
    db,
  );
  await db.schema
    .createIndex('sub_programme_cycle_institution_idx')
    .on('sub_programme')
    .columns(['cycle_id', 'institution_id'])
    .execute();
  // The central sub-programme belongs to the ITC institution, institution ones to anybody else.
  await sql`
    CREATE FUNCTION sub_programme_check_owner() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE owner_is_itc boolean;
    BEGIN
      SELECT is_itc INTO owner_is_itc FROM institution WHERE id = NEW.institution_id;
      IF NEW.kind = 'central' AND owner_is_itc IS NOT TRUE THEN
        RAISE EXCEPTION 'the central sub-programme must belong to ITC' USING ERRCODE = '23514';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER sub_programme_check_owner BEFORE INSERT OR UPDATE OF kind, institution_id ON sub_programme
    FOR EACH ROW EXECUTE FUNCTION sub_programme_check_owner()`.execute(db);

  await db.schema
    .createTable('line_item')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('sub_programme_id', 'integer', (col) => col.notNull().references('sub_programme.id').onDelete('cascade'))
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('ekk_code', 'text', (col) => col.notNull().references('ekk_code.code').onDelete('restrict'))
    .addColumn('cost_nature', 'text', (col) => col.notNull())
    .addColumn('ict_service_code', 'text', (col) => col.references('ict_service.code').onDelete('restrict'))
    .addColumn('information_system_code', 'text', (col) =>
      col.references('information_system.code').onDelete('restrict'),
    )
    .addColumn('action_direction_code', 'text', (col) => col.references('action_direction.code').onDelete('restrict'))
    .addColumn('priority', 'text', (col) => col.notNull())
    .addColumn('rank', 'integer', (col) => col.notNull())
    .addColumn('quantity', sql`numeric(14,3)`)
    .addColumn('unit', 'text')
    .addColumn('unit_price', sql`numeric(14,2)`)
    .addColumn('business_need', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('legal_basis', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('impact_if_cut', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('calculation_basis', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('review_status', 'text', (col) => col.notNull().defaultTo('draft'))
    .addColumn('carried_from_id', 'integer', (col) => col.references('line_item.id').onDelete('set null'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('updated_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('line_item_title_present', sql`length(btrim(title)) > 0`)
    .addCheckConstraint('line_item_cost_nature', sql`cost_nature IN ('maintenance', 'development', 'implementation')`)
    .addCheckConstraint('line_item_priority', sql`priority IN ('mandatory', 'high', 'medium', 'low')`)
    .addCheckConstraint(
      'line_item_review_status',
      sql`review_status IN ('draft', 'submitted', 'accepted', 'returned', 'cut')`,
    )
    .addCheckConstraint('line_item_rank_positive', sql`rank >= 1`)
    .addCheckConstraint('line_item_quantity_non_negative', sql`quantity IS NULL OR quantity >= 0`)
    .addCheckConstraint('line_item_unit_price_non_negative', sql`unit_price IS NULL OR unit_price >= 0`)
    .addCheckConstraint('line_item_not_own_origin', sql`carried_from_id IS DISTINCT FROM id`)
    .execute();
  await db.schema
    .createIndex('line_item_sub_programme_idx')
    .on('line_item')
    .columns(['sub_programme_id', 'rank'])
    .execute();
  await db.schema.createIndex('line_item_ekk_idx').on('line_item').column('ekk_code').execute();
  await db.schema.createIndex('line_item_carried_from_idx').on('line_item').column('carried_from_id').execute();

  await db.schema
    .createTable('line_item_goal')
    .addColumn('line_item_id', 'integer', (col) => col.notNull().references('line_item.id').onDelete('cascade'))
    .addColumn('goal_code', 'text', (col) => col.notNull().references('goal.code').onDelete('restrict'))
    .addPrimaryKeyConstraint('line_item_goal_pk', ['line_item_id', 'goal_code'])
    .execute();
  await db.schema
    .createIndex('line_item_goal_goal_idx')
    .on('line_item_goal')
    .columns(['goal_code', 'line_item_id'])
    .execute();

  await db.schema
    .createTable('line_item_amount')
    .addColumn('line_item_id', 'integer', (col) => col.notNull().references('line_item.id').onDelete('cascade'))
    .addColumn('fiscal_year', 'integer', (col) => col.notNull())
    .addColumn('amount', sql`numeric(14,2)`, (col) => col.notNull())
    .addPrimaryKeyConstraint('line_item_amount_pk', ['line_item_id', 'fiscal_year'])
    .addCheckConstraint('line_item_amount_non_negative', sql`amount >= 0`)
    .execute();
  // Consolidation reads one fiscal year's amounts across a whole cycle.
  await sql`CREATE INDEX line_item_amount_year_idx ON line_item_amount (fiscal_year, line_item_id) INCLUDE (amount)`.execute(
    db,
  );
  // A check constraint cannot look at the cycle, so a trigger keeps amounts inside its three years.
  await sql`
    CREATE FUNCTION line_item_amount_check_year() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE cycle_year integer;
    BEGIN
      SELECT c.year INTO cycle_year
        FROM line_item li
        JOIN sub_programme sp ON sp.id = li.sub_programme_id
        JOIN budget_cycle c ON c.id = sp.cycle_id
       WHERE li.id = NEW.line_item_id;
      IF NEW.fiscal_year NOT BETWEEN cycle_year AND cycle_year + 2 THEN
        RAISE EXCEPTION 'fiscal year % is outside the cycle %–%', NEW.fiscal_year, cycle_year, cycle_year + 2
          USING ERRCODE = '23514';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER line_item_amount_check_year BEFORE INSERT OR UPDATE ON line_item_amount
    FOR EACH ROW EXECUTE FUNCTION line_item_amount_check_year()`.execute(db);

  await db.schema
    .createTable('review_comment')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('line_item_id', 'integer', (col) => col.references('line_item.id').onDelete('cascade'))
    .addColumn('sub_programme_id', 'integer', (col) => col.references('sub_programme.id').onDelete('cascade'))
    .addColumn('author_id', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('kind', 'text', (col) => col.notNull().defaultTo('comment'))
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('review_comment_kind', sql`kind IN ('comment', 'return', 'accept')`)
    .addCheckConstraint('review_comment_one_target', sql`(line_item_id IS NULL) <> (sub_programme_id IS NULL)`)
    .execute();
  await db.schema.createIndex('review_comment_line_item_idx').on('review_comment').column('line_item_id').execute();
  await db.schema
    .createIndex('review_comment_sub_programme_idx')
    .on('review_comment')
    .column('sub_programme_id')
    .execute();

  // What a sub-programme looked like when it was submitted, for "what changed since last time".
  await db.schema
    .createTable('submission_snapshot')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('sub_programme_id', 'integer', (col) => col.notNull().references('sub_programme.id').onDelete('cascade'))
    .addColumn('submitted_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('items', 'jsonb', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('submission_snapshot_sub_programme_idx')
    .on('submission_snapshot')
    .columns(['sub_programme_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('scenario')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('cycle_id', 'integer', (col) => col.notNull().references('budget_cycle.id').onDelete('cascade'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('fiscal_year', 'integer', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('target_kind', 'text', (col) => col.notNull())
    .addColumn('target_value', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('target_amount', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('achieved', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('overshoot', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('computed_at_data_version', 'integer', (col) => col.notNull())
    .addColumn('created_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('adopted_by', 'integer', (col) => col.references('app_user.id').onDelete('set null'))
    .addColumn('adopted_at', 'timestamptz')
    .addCheckConstraint('scenario_method', sql`method IN ('priority', 'uniform')`)
    .addCheckConstraint('scenario_target_kind', sql`target_kind IN ('amount', 'percent')`)
    .addCheckConstraint(
      'scenario_amounts_non_negative',
      sql`target_value >= 0 AND target_amount >= 0 AND achieved >= 0 AND overshoot >= 0`,
    )
    .addCheckConstraint('scenario_percent_range', sql`target_kind <> 'percent' OR target_value <= 100`)
    .execute();
  await db.schema.createIndex('scenario_cycle_idx').on('scenario').column('cycle_id').execute();

  await db.schema
    .createTable('scenario_cut')
    .addColumn('scenario_id', 'integer', (col) => col.notNull().references('scenario.id').onDelete('cascade'))
    .addColumn('line_item_id', 'integer', (col) => col.notNull().references('line_item.id').onDelete('cascade'))
    .addColumn('before', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('cut', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('after', sql`numeric(14,2)`, (col) => col.notNull())
    .addColumn('whole_item', 'boolean', (col) => col.notNull())
    .addPrimaryKeyConstraint('scenario_cut_pk', ['scenario_id', 'line_item_id'])
    .addCheckConstraint('scenario_cut_arithmetic', sql`before >= 0 AND cut > 0 AND after >= 0 AND before - cut = after`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'scenario_cut',
    'scenario',
    'submission_snapshot',
    'review_comment',
    'line_item_amount',
    'line_item_goal',
    'line_item',
    'sub_programme',
    'budget_cycle',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`DROP FUNCTION line_item_amount_check_year()`.execute(db);
  await sql`DROP FUNCTION sub_programme_check_owner()`.execute(db);
}
