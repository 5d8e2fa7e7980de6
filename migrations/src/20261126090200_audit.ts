import { sql, type Kysely } from 'kysely';

// The audit trail is append-only in the database itself: whatever the application does,
// UPDATE, DELETE and TRUNCATE on audit_event raise.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'integer', (col) => col.references('app_user.id').onDelete('restrict'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('entity_type', 'text', (col) => col.notNull())
    .addColumn('entity_id', 'text', (col) => col.notNull())
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema
    .createIndex('audit_event_entity_idx')
    .on('audit_event')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute();
  await db.schema.createIndex('audit_event_occurred_idx').on('audit_event').column('occurred_at').execute();
  await db.schema.createIndex('audit_event_actor_idx').on('audit_event').columns(['actor_id', 'occurred_at']).execute();

  await sql`
    CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = '42501';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_event').execute();
  await sql`DROP FUNCTION audit_event_append_only()`.execute(db);
}
