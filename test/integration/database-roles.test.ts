import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '@ikt/db/backup';
import { buildApp } from '@ikt/server/app';
import { openPreparedDatabase, type PreparedDatabase } from '@ikt/server/bootstrap';
import { ConfigError, DEFAULT_SECURITY, loadConfig } from '@ikt/server/config';
import { createUsersService } from '@ikt/server/modules/users/users.service';
import { cycleListSchema } from '@ikt/shared/cycle.schema';
import { lineItemSchema } from '@ikt/shared/line-item.schema';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { sessionCookieOf, TEST_PASSWORD } from '../helpers/app';
import { createScratchPostgres, type ScratchPostgres } from '../support/scratch-postgres';

/**
 * Migrations run as the owner of the schema, requests as a serving role of their own. Roles belong
 * to a whole server, so this runs on a PostgreSQL server of its own (as the deadlock test does):
 * the roles it makes cannot collide with another file's, and they go with the server. The owner
 * is an ordinary role owning the database (migrations need no superuser); the serving role is
 * made by docker/db-roles.sql, the very script docker-compose runs.
 */

const suffix = randomBytes(4).toString('hex');
const OWNER = `ikt_owner_${suffix}`;
const SERVING = `ikt_app_${suffix}`;
const DATABASE = `ikt_roles_${suffix}`;
const ROLES_SCRIPT = fileURLToPath(new URL('../../docker/db-roles.sql', import.meta.url));

let postgres: ScratchPostgres;
/** The server's superuser: on the server's own database (roles, databases) and on this one (catalogues). */
let admin: pg.Client;
let inspector: pg.Client;
let prepared: PreparedDatabase;

function urlAs(user: string, database = DATABASE): string {
  const url = new URL(postgres.url);
  url.username = user;
  url.pathname = `/${database}`;
  return url.toString();
}

function boot(databaseUrl: string, databaseOwnerUrl?: string, warn?: (message: string) => void) {
  return openPreparedDatabase(
    { databaseUrl, databaseOwnerUrl, dataDir: 'memory://', seedDemo: true, demoPassword: TEST_PASSWORD },
    { warn: warn ?? (() => undefined) },
  );
}

async function connectAs(user: string, database = DATABASE): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: urlAs(user, database) });
  await client.connect();
  return client;
}

beforeAll(async () => {
  postgres = await createScratchPostgres();
  admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE ROLE ${OWNER} LOGIN`);
  await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER}`);
  await promisify(execFile)('psql', ['-X', '-q', '-f', ROLES_SCRIPT, urlAs('postgres')], {
    env: { ...process.env, APP_DB_USER: SERVING, APP_DB_PASSWORD: 'serving-role-password' },
  });
  inspector = await connectAs('postgres');
  prepared = await boot(urlAs(SERVING), urlAs(OWNER));
}, 120_000);

afterAll(async () => {
  await prepared?.close();
  await inspector?.end();
  if (admin) {
    await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
    await admin.query(`DROP ROLE IF EXISTS ${SERVING}`);
    await admin.query(`DROP ROLE IF EXISTS ${OWNER}`);
    await admin.end();
  }
  postgres?.destroy();
});

/** What the serving role may do to a table, as PostgreSQL itself answers it. */
async function privilegesOn(table: string, on: pg.Client = inspector): Promise<string[]> {
  const all = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'];
  const granted: string[] = [];
  for (const privilege of all) {
    const { rows } = await on.query<{ ok: boolean }>(`SELECT has_table_privilege($1, $2, $3) AS ok`, [
      SERVING,
      `public.${table}`,
      privilege,
    ]);
    if (rows[0]!.ok) granted.push(privilege);
  }
  return granted;
}

describe('the boot with an owner and a serving role', () => {
  it('migrates and seeds as the owner, who owns every table; the serving role owns nothing', async () => {
    expect(prepared.migrationsRun.length).toBeGreaterThan(0);
    expect(prepared.demoSeeded).toBe(true);
    const owners = await inspector.query<{ owner: string }>(`SELECT DISTINCT tableowner AS owner FROM pg_tables
      WHERE schemaname = 'public'`);
    expect(owners.rows.map((r) => r.owner)).toEqual([OWNER]);
    const role = await inspector.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = $1`,
      [SERVING],
    );
    expect(role.rows).toEqual([
      { rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false },
    ]);
  });

  it('grants the serving role reading and appending on the audit trail, the usual four on the rest, never TRUNCATE', async () => {
    expect(await privilegesOn('audit_event')).toEqual(['SELECT', 'INSERT']);
    for (const table of ['line_item', 'line_item_amount', 'sub_programme', 'app_user', 'session', 'institution']) {
      expect(await privilegesOn(table), table).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    }
    expect(await privilegesOn('kysely_migration')).toEqual([]);
  });

  it('refuses to start when the serving role is the owner of the audit trail', async () => {
    const attempt = boot(urlAs(OWNER), urlAs(OWNER));
    await expect(attempt).rejects.toBeInstanceOf(ConfigError);
    await expect(attempt).rejects.toThrow(/DATABASE_URL/);
  });

  it('refuses to start when the serving role is a superuser', async () => {
    await expect(boot(urlAs('postgres'), urlAs(OWNER))).rejects.toBeInstanceOf(ConfigError);
  });

  it('refuses to start when the serving role may set session_replication_role', async () => {
    await inspector.query(`GRANT SET ON PARAMETER session_replication_role TO ${SERVING}`);
    try {
      await expect(boot(urlAs(SERVING), urlAs(OWNER))).rejects.toThrow(/session_replication_role/);
    } finally {
      await inspector.query(`REVOKE SET ON PARAMETER session_replication_role FROM ${SERVING}`);
    }
  });

  it('with DATABASE_URL alone starts as before, warning loudly that the audit trail is not protected', async () => {
    const warnings: string[] = [];
    const alone = await boot(urlAs(OWNER), undefined, (message) => warnings.push(message));
    await alone.close();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/DATABASE_OWNER_URL/);
  });

  it('takes back at the next boot a privilege on the audit trail granted by hand', async () => {
    await inspector.query(`GRANT UPDATE, DELETE, TRUNCATE, TRIGGER ON audit_event TO ${SERVING}`);
    const again = await boot(urlAs(SERVING), urlAs(OWNER));
    await again.close();
    expect(await privilegesOn('audit_event')).toEqual(['SELECT', 'INSERT']);
  });

  it('backs up as the owner without grants, so the dump restores anywhere; the next boot grants again', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ikt-roles-'));
    const restored = `${DATABASE}_restored`;
    await admin.query(`CREATE DATABASE ${restored} OWNER ${OWNER}`);
    const restoredInspector = await connectAs('postgres', restored);
    try {
      const file = path.join(folder, 'ikt.dump');
      await backupDatabase({ databaseUrl: urlAs(OWNER) }, file);
      await restoreDatabase({ databaseUrl: urlAs(OWNER, restored) }, file);
      const { rows } = await restoredInspector.query<{ granted: string }>(
        `SELECT count(*) AS granted FROM pg_class WHERE relacl::text LIKE '%' || $1 || '%'`,
        [SERVING],
      );
      expect(rows[0]!.granted).toBe('0');

      const booted = await boot(urlAs(SERVING, restored), urlAs(OWNER, restored));
      await booted.close();
      expect(await privilegesOn('audit_event', restoredInspector)).toEqual(['SELECT', 'INSERT']);
    } finally {
      await restoredInspector.end();
      await admin.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`);
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('needs DATABASE_URL, the serving role, beside DATABASE_OWNER_URL', () => {
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://ikt@db/ikt' })).toThrow(ConfigError);
    expect(
      loadConfig({ DATABASE_OWNER_URL: 'postgres://ikt@db/ikt', DATABASE_URL: 'postgres://ikt_app@db/ikt' }),
    ).toMatchObject({ databaseOwnerUrl: 'postgres://ikt@db/ikt', databaseUrl: 'postgres://ikt_app@db/ikt' });
  });
});

describe('the serving role cannot change an audit row', () => {
  let client: pg.Client;
  let written: Record<string, unknown>;

  beforeAll(async () => {
    client = await connectAs(SERVING);
    const { rows } = await client.query(
      `INSERT INTO audit_event (action, entity_type, entity_id, after)
       VALUES ('lineItem.update', 'line_item', '1', '{"amount": "100.00"}') RETURNING *`,
    );
    written = rows[0] as Record<string, unknown>;
  });
  afterAll(async () => {
    await client?.end();
  });

  /**
   * Refused by PostgreSQL's privileges (42501) before any trigger runs: the append-only trigger
   * raises 42501 too, but from inside its function, so its error carries a PL/pgSQL context.
   */
  async function expectRefused(statement: string): Promise<void> {
    const error = await client.query(statement).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error, statement).toBeInstanceOf(pg.DatabaseError);
    expect((error as pg.DatabaseError).code, statement).toBe('42501');
    expect((error as pg.DatabaseError).where, statement).toBeUndefined();
  }

  const attempts: [string, () => string][] = [
    ['UPDATE', () => `UPDATE audit_event SET action = 'forged' WHERE id = ${String(written.id)}`],
    ['DELETE', () => `DELETE FROM audit_event WHERE id = ${String(written.id)}`],
    ['TRUNCATE', () => 'TRUNCATE audit_event'],
    ['disabling all its triggers', () => 'ALTER TABLE audit_event DISABLE TRIGGER ALL'],
    // An owner that is no superuser cannot disable the foreign keys' system triggers (ALL), but can these.
    ['disabling its append-only trigger', () => 'ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete'],
    ['dropping a trigger', () => 'DROP TRIGGER audit_event_no_update_delete ON audit_event'],
    [
      'replacing the trigger function',
      () => `CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql
             AS $$ BEGIN RETURN NEW; END $$`,
    ],
    ['renaming the table', () => 'ALTER TABLE audit_event RENAME TO audit_event_old'],
    ['dropping the table', () => 'DROP TABLE audit_event'],
    ['creating a table (DDL)', () => 'CREATE TABLE forged_audit_event (id bigint)'],
    ['becoming the owner', () => `SET ROLE ${OWNER}`],
    [
      'adding a trigger of its own',
      () => `CREATE TRIGGER forge BEFORE INSERT ON audit_event
       FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    ],
  ];
  it.each(attempts)('refuses %s', async (_name, statement) => {
    await expectRefused(statement());
  });

  it('refuses session_replication_role = replica, so an UPDATE after it is still refused', async () => {
    await expectRefused('SET session_replication_role = replica');
    await client.query('BEGIN');
    try {
      await expectRefused('SET LOCAL session_replication_role = replica');
    } finally {
      await client.query('ROLLBACK');
    }
    const { rows } = await client.query<{ session_replication_role: string }>('SHOW session_replication_role');
    expect(rows[0]!.session_replication_role).toBe('origin');
    await expectRefused(`UPDATE audit_event SET action = 'forged' WHERE id = ${String(written.id)}`);
  });

  it('leaves the row exactly as it was written after all of that', async () => {
    const { rows } = await client.query('SELECT * FROM audit_event WHERE id = $1', [written.id]);
    expect(rows).toEqual([written]);
  });
});

describe('the app serving as that role', () => {
  it('signs a user in, creates and edits a line item, and the audit trail records both', async () => {
    const iksd = await prepared.db
      .selectFrom('institution')
      .select('id')
      .where('code', '=', 'IKSD')
      .executeTakeFirstOrThrow();
    const email = `lead.${suffix}@riga.example`;
    const user = await createUsersService(prepared.db).create(null, {
      email,
      name: 'Pārbaudes vadītāja',
      role: 'institution_lead',
      institutionId: iksd.id,
      password: TEST_PASSWORD,
    });

    const app = await buildApp({
      db: prepared.db,
      databaseKind: prepared.kind,
      config: { logLevel: 'silent', clientDist: '/nonexistent-client-dist', security: DEFAULT_SECURITY },
      logger: false,
    });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: TEST_PASSWORD },
      });
      expect(login.statusCode, login.body).toBe(200);
      const headers = { cookie: sessionCookieOf(login) };
      const cycles = cycleListSchema.parse((await app.inject({ method: 'GET', url: '/api/cycles', headers })).json());
      const open = cycles.find((c) => c.status === 'open')!.id;
      const mine = subProgrammeListSchema.parse(
        (await app.inject({ method: 'GET', url: `/api/cycles/${open}/sub-programmes`, headers })).json(),
      );
      const subProgrammeId = mine.find((s) => s.code === 'IKT.IKSD.01')!.id;

      const created = await app.inject({
        method: 'POST',
        url: `/api/sub-programmes/${subProgrammeId}/line-items`,
        headers,
        payload: {
          title: 'Serveru telpas dzesēšana',
          ekkCode: '5238',
          costNature: 'development',
          priority: 'medium',
          goalCodes: ['M1'],
          amounts: { '2027': '1200.50' },
          businessNeed: 'Serveri pārkarst vasarā.',
          impactIfCut: 'Iekārtas sabojāsies.',
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      const item = lineItemSchema.parse(created.json());
      const patched = await app.inject({
        method: 'PATCH',
        url: `/api/line-items/${item.id}`,
        headers: { ...headers, 'if-match': `"${item.version}"` },
        payload: { amounts: { '2027': '1300.75' } },
      });
      expect(patched.statusCode, patched.body).toBe(200);

      const events = await prepared.db
        .selectFrom('audit_event')
        .select(['action', 'actor_id'])
        .where('entity_type', '=', 'line_item')
        .where('entity_id', '=', String(item.id))
        .orderBy('id')
        .execute();
      expect(events).toEqual([
        { action: 'lineItem.create', actor_id: user.id },
        { action: 'lineItem.update', actor_id: user.id },
      ]);
      const logout = await app.inject({ method: 'POST', url: '/api/auth/logout', headers });
      expect(logout.statusCode).toBeLessThan(300);
    } finally {
      await app.close();
    }
  });
});
