import { sql, type Kysely } from 'kysely';

// A sign-in attempt now takes its place in login_attempt before the password is checked (pending),
// so concurrent guesses cannot all pass the limit before any of them is counted; a success
// removes its own row, a failure keeps it as the failure. Rows from before are failures.
//
// A session gets a public id of its own to be listed and ended by: the primary key is the hash
// of the cookie's token and must never leave the server.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('login_attempt')
    .addColumn('pending', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await db.schema
    .alterTable('session')
    .addColumn('public_id', 'uuid', (col) => col.notNull().defaultTo(sql`gen_random_uuid()`))
    .execute();
  await db.schema.createIndex('session_public_id_key').on('session').column('public_id').unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('session_public_id_key').execute();
  await db.schema.alterTable('session').dropColumn('public_id').execute();
  await db.schema.alterTable('login_attempt').dropColumn('pending').execute();
}
