import { sql, type Kysely } from 'kysely';

// Reference data and people. Migrations never import application code: the enum lists are
// spelled out here as they were when this migration was written.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('institution')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('name_lv', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('is_itc', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addCheckConstraint('institution_code_format', sql`code ~ '^[A-Za-zĀ-ž0-9]{1,16}$'`)
    .execute();
  // The central sub-programme's owner (ITC, since 2022 the Riga Digital Agency) is configurable,
  // but there is only ever one.
  await sql`CREATE UNIQUE INDEX institution_single_itc ON institution (is_itc) WHERE is_itc`.execute(db);

  await db.schema
    .createTable('ekk_code')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('parent_code', 'text', (col) => col.references('ekk_code.code').onDelete('restrict'))
    .addColumn('name_lv', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('selectable', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('verified', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('retired_at', 'timestamptz')
    .addCheckConstraint('ekk_code_format', sql`code ~ '^[0-9]{4}$'`)
    .addCheckConstraint('ekk_code_not_own_parent', sql`parent_code IS DISTINCT FROM code`)
    .execute();
  await db.schema.createIndex('ekk_code_parent_idx').on('ekk_code').column('parent_code').execute();

  await db.schema
    .createTable('goal')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('group_lv', 'text', (col) => col.notNull())
    .addColumn('group_en', 'text', (col) => col.notNull())
    .addColumn('name_lv', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addCheckConstraint('goal_code_format', sql`code ~ '^M[0-9]+$'`)
    .execute();

  await db.schema
    .createTable('action_direction')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name_lv', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addCheckConstraint('action_direction_code_format', sql`code ~ '^R[0-9]+$'`)
    .execute();

  await db.schema
    .createTable('goal_action_direction')
    .addColumn('goal_code', 'text', (col) => col.notNull().references('goal.code').onDelete('cascade'))
    .addColumn('action_direction_code', 'text', (col) =>
      col.notNull().references('action_direction.code').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('goal_action_direction_pk', ['goal_code', 'action_direction_code'])
    .execute();

  await db.schema
    .createTable('ict_service')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name_lv', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('basis', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('information_system')
    .addColumn('code', 'text', (col) => col.primaryKey())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('function_lv', 'text', (col) => col.notNull())
    .addColumn('function_en', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .execute();

  await db.schema
    .createTable('benchmark')
    .addColumn('indicator', 'text', (col) => col.primaryKey())
    .addColumn('riga_2015', sql`numeric(14,2)`)
    .addColumn('peer_average', sql`numeric(14,2)`)
    .addColumn('unit', 'text', (col) => col.notNull())
    .addColumn('source', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('app_user')
    .addColumn('id', 'integer', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('institution_id', 'integer', (col) => col.references('institution.id').onDelete('restrict'))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'app_user_role',
      sql`role IN ('institution_lead', 'itc_finance', 'finance_viewer', 'council', 'admin')`,
    )
    .addCheckConstraint(
      'app_user_lead_has_institution',
      sql`(role = 'institution_lead') = (institution_id IS NOT NULL)`,
    )
    .addCheckConstraint('app_user_email_lower', sql`email = lower(email) AND position('@' in email) > 1`)
    .execute();
  await sql`CREATE UNIQUE INDEX app_user_email_key ON app_user (email)`.execute(db);

  // Server-side sessions, so several app instances can share them behind one load balancer.
  // The id is a hash of the cookie's token: a database dump does not hand out live sessions.
  await db.schema
    .createTable('session')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) => col.notNull().references('app_user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute();
  await db.schema.createIndex('session_expires_idx').on('session').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'session',
    'app_user',
    'benchmark',
    'information_system',
    'ict_service',
    'goal_action_direction',
    'action_direction',
    'goal',
    'ekk_code',
    'institution',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
