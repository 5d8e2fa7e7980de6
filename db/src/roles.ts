import { sql, type Kysely } from 'kysely';
import type { Database } from './database';

/**
 * Two roles on a real PostgreSQL: the owner runs the migrations and the seeds (it owns every
 * table, trigger and function), the serving role answers requests. A trigger keeps the audit
 * trail append-only only against roles that cannot disable it — an owner can (`ALTER TABLE …
 * DISABLE TRIGGER`, `DROP TRIGGER`), a superuser can (`session_replication_role = replica`) —
 * so the serving role must be neither, and may only read and append to the audit trail.
 */

/** Read and appended to, never changed: no UPDATE, DELETE or TRUNCATE for the serving role. */
const APPEND_ONLY_TABLES: ReadonlySet<string> = new Set(['audit_event']);
/** Kysely's own bookkeeping, for the migrations alone. */
const MIGRATION_TABLES: ReadonlySet<string> = new Set(['kysely_migration', 'kysely_migration_lock']);

/** The role a connection acts as. */
export async function currentRole(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ role: string }>`SELECT current_user AS role`.execute(db);
  return rows[0]!.role;
}

/**
 * Over the owner's connection, after the migrations: the serving role gets exactly what the app
 * needs on every table of the schema — SELECT, INSERT, UPDATE, DELETE; only SELECT and INSERT on
 * the audit trail; nothing on the migration tables; USAGE on the sequences — and loses anything
 * else granted before (TRUNCATE, TRIGGER, a hand-made GRANT ALL). Run at every boot, so a table a
 * new migration adds is granted without a list to keep up to date.
 */
export async function grantServingRole(owner: Kysely<Database>, servingRole: string): Promise<void> {
  await owner.transaction().execute(async (trx) => {
    // The owner itself (or a role acting as it) given as the serving role: revoking would take the
    // owner's own privileges away. Nothing to grant either way; servingRoleProblems refuses it.
    const { rows: acting } = await sql<{ actsAsOwner: boolean }>`
      SELECT pg_has_role(r.oid, current_user, 'MEMBER') OR r.rolsuper AS "actsAsOwner"
        FROM pg_roles r WHERE r.rolname = ${servingRole}`.execute(trx);
    if (acting[0]?.actsAsOwner !== false) return;
    // Two instances booting at once would update the same ACLs and one would fail
    // ("tuple concurrently updated"): one at a time.
    await sql`SELECT pg_advisory_xact_lock(hashtext('ikt.grantServingRole'))`.execute(trx);
    const role = sql.id(servingRole);
    const { rows: schemas } = await sql<{ schema: string; ownsSchema: boolean; publicMayCreate: boolean }>`
      SELECT n.nspname AS schema,
             pg_has_role(current_user, n.nspowner, 'USAGE') AS "ownsSchema",
             has_schema_privilege('public', n.oid, 'CREATE') AS "publicMayCreate"
        FROM pg_namespace n WHERE n.nspname = current_schema()`.execute(trx);
    const { schema, ownsSchema, publicMayCreate } = schemas[0]!;
    const { rows: tables } = await sql<{ table: string }>`
      SELECT tablename AS table FROM pg_tables WHERE schemaname = ${schema} ORDER BY tablename`.execute(trx);

    await sql`REVOKE ALL ON ALL TABLES IN SCHEMA ${sql.id(schema)} FROM ${role}`.execute(trx);
    await sql`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${sql.id(schema)} FROM ${role}`.execute(trx);
    await sql`REVOKE CREATE ON SCHEMA ${sql.id(schema)} FROM ${role}`.execute(trx);
    // PostgreSQL before 15 lets every role create tables in `public`; the schema's owner can stop it.
    if (ownsSchema && publicMayCreate) await sql`REVOKE CREATE ON SCHEMA ${sql.id(schema)} FROM PUBLIC`.execute(trx);
    await sql`GRANT USAGE ON SCHEMA ${sql.id(schema)} TO ${role}`.execute(trx);
    for (const { table } of tables) {
      if (MIGRATION_TABLES.has(table)) continue;
      const privileges = APPEND_ONLY_TABLES.has(table) ? sql`SELECT, INSERT` : sql`SELECT, INSERT, UPDATE, DELETE`;
      await sql`GRANT ${privileges} ON ${sql.id(schema, table)} TO ${role}`.execute(trx);
    }
    await sql`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${sql.id(schema)} TO ${role}`.execute(trx);
  });
}

/**
 * Over the serving connection: every way it could rewrite the audit trail, in words an operator
 * can act on; empty when there is none. A role that is a member of an owner acts as that owner
 * (or can `SET ROLE` to it), so membership counts as ownership.
 */
export async function servingRoleProblems(serving: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{
    superuser: boolean;
    createRole: boolean;
    ownsObjects: string[];
    ownsSchema: boolean;
    ownsDatabase: boolean;
    auditPrivileges: string[];
    mayCreate: boolean;
    version: number;
  }>`
    SELECT r.rolsuper AS superuser,
           r.rolcreaterole AS "createRole",
           ARRAY(SELECT c.relname::text FROM pg_class c
                  WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                    AND pg_has_role(current_user, c.relowner, 'MEMBER')
                 UNION ALL
                 SELECT p.proname::text || '()' FROM pg_proc p
                  WHERE p.pronamespace = n.oid AND pg_has_role(current_user, p.proowner, 'MEMBER')
                 ORDER BY 1) AS "ownsObjects",
           pg_has_role(current_user, n.nspowner, 'MEMBER') AS "ownsSchema",
           pg_has_role(current_user, d.datdba, 'MEMBER') AS "ownsDatabase",
           ARRAY(SELECT privilege FROM unnest(ARRAY['UPDATE', 'DELETE', 'TRUNCATE', 'TRIGGER']) AS privilege
                  WHERE has_table_privilege(to_regclass('audit_event'), privilege)) AS "auditPrivileges",
           has_schema_privilege(n.oid, 'CREATE') AS "mayCreate",
           current_setting('server_version_num')::int AS version
      FROM pg_roles r, pg_namespace n, pg_database d
     WHERE r.rolname = current_user AND n.nspname = current_schema() AND d.datname = current_database()`.execute(
    serving,
  );
  const role = rows[0]!;
  const problems: string[] = [];
  if (role.superuser) problems.push('it is a superuser (it can turn triggers off with session_replication_role)');
  if (role.createRole) problems.push('it has CREATEROLE (it can make itself a member of the owner)');
  if (role.ownsDatabase) problems.push('it owns the database, or is a member of its owner');
  if (role.ownsSchema) problems.push('it owns the schema, or is a member of its owner (it can drop any table in it)');
  if (role.ownsObjects.length > 0) {
    const shown = role.ownsObjects.slice(0, 5).join(', ');
    const more = role.ownsObjects.length > 5 ? ` and ${role.ownsObjects.length - 5} more` : '';
    problems.push(`it owns, or is a member of the owner of: ${shown}${more}`);
  }
  if (role.auditPrivileges.length > 0) problems.push(`it holds ${role.auditPrivileges.join(', ')} on audit_event`);
  if (role.mayCreate) problems.push('it may create tables (DDL)');
  if (!role.superuser && role.version >= 150000) {
    // PostgreSQL 15 can grant a single parameter to a role (GRANT SET ON PARAMETER).
    const { rows: parameter } = await sql<{ may: boolean }>`
      SELECT has_parameter_privilege('session_replication_role', 'SET') AS may`.execute(serving);
    if (parameter[0]!.may) problems.push('it may set session_replication_role (which turns triggers off)');
  }
  return problems;
}
