import type http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { SCALE_YEAR } from '@ikt/seeds/scale.seed';
import { hashPassword } from '@ikt/server/modules/users/password';
import { signInOverHttp } from './http';

/**
 * What the sections that change data work on, so that the scale data set stays as it was:
 * sub-programmes of their own in the scale cycle, coded `IKT.<institution>.BENCH-<purpose>-<pid>`,
 * deleted with everything in them when the section ends — and, should a run have been cut off,
 * when a later run opens the bench (`removeBenchLeftovers`, which leaves alone those of a bench
 * process still running on this machine). The institution leads who own them
 * (`bench.lead.<code>@riga.example`) are kept between runs. Audit events stay: the log is
 * append-only.
 */

export const BENCH_LEAD_PASSWORD = 'bench-lead-password-2040';
const benchCode = (institutionCode: string, purpose: string) =>
  `IKT.${institutionCode}.BENCH-${purpose}-${process.pid}`;
/** Matches every bench sub-programme's code (LIKE). */
export const BENCH_CODE_PATTERN = 'IKT.%.BENCH-%';

export interface BenchLead {
  userId: number;
  email: string;
  institutionId: number;
  institutionCode: string;
}

function running(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the bench's sub-programmes in the scale cycle and everything in them, but for those of
 * another bench process still running; answers how many it deleted.
 */
export async function removeBenchLeftovers(db: Kysely<Database>): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ id: number; code: string }>`
      SELECT sp.id, sp.code FROM sub_programme sp JOIN budget_cycle c ON c.id = sp.cycle_id
       WHERE c.year = ${SCALE_YEAR} AND sp.code LIKE ${BENCH_CODE_PATTERN}`.execute(trx);
    const ids = rows.filter((r) => !running(Number(/-(\d+)$/.exec(r.code)?.[1] ?? 0))).map((r) => r.id);
    return removeSubProgrammes(trx, ids);
  });
}

/** Items in the bench's own sub-programmes of a cycle (this run's or another's). */
export async function benchItemCount(db: Kysely<Database>, cycleId: number): Promise<number> {
  const { count } = await db
    .selectFrom('line_item as li')
    .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('sp.cycle_id', '=', cycleId)
    .where('sp.code', 'like', BENCH_CODE_PATTERN)
    .executeTakeFirstOrThrow();
  return Number(count);
}

/** Deletes sub-programmes with everything in them; answers how many. */
export async function removeSubProgrammes(db: Kysely<Database>, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  await deleteItemsOf(db, ids);
  await db.deleteFrom('sub_programme').where('id', 'in', ids).execute();
  return ids.length;
}

/** Deletes every item of the sub-programmes, set-based (a cascade per item walks each child table). */
export async function deleteItemsOf(db: Kysely<Database>, subProgrammeIds: number[]): Promise<number> {
  if (subProgrammeIds.length === 0) return 0;
  const items = sql`SELECT id FROM line_item WHERE sub_programme_id = ANY(${subProgrammeIds}::int[])`;
  await sql`DELETE FROM line_item_amount WHERE line_item_id IN (${items})`.execute(db);
  await sql`DELETE FROM line_item_goal WHERE line_item_id IN (${items})`.execute(db);
  const result = await sql`DELETE FROM line_item WHERE sub_programme_id = ANY(${subProgrammeIds}::int[])`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** The first `count` institutions the scale generator made (S001, S002, …), by code. */
export async function scaleInstitutions(db: Kysely<Database>, count: number) {
  const rows = await db
    .selectFrom('institution')
    .select(['id', 'code'])
    .where(sql<boolean>`code ~ '^S[0-9]{3,}$'`)
    .orderBy('code')
    .limit(count)
    .execute();
  if (rows.length < count)
    throw new Error(`the scale data set has ${rows.length} generated institutions, not ${count}`);
  return rows;
}

/** The leads of the first `count` institutions the scale generator made (made once, kept between runs). */
export async function scaleLeads(db: Kysely<Database>, count: number): Promise<BenchLead[]> {
  return ensureLeads(db, await scaleInstitutions(db, count));
}

/** Signs a bench lead in over HTTP (http.ts); answers the session cookie. */
export function signInLead(agent: http.Agent, base: { host: string; port: number }, lead: BenchLead): Promise<string> {
  return signInOverHttp(agent, base, { email: lead.email, password: BENCH_LEAD_PASSWORD });
}

/** An institution lead for each institution, made once (with the app's password hashing). */
export async function ensureLeads(
  db: Kysely<Database>,
  institutions: readonly { id: number; code: string }[],
): Promise<BenchLead[]> {
  const emailOf = (code: string) => `bench.lead.${code.toLowerCase()}@riga.example`;
  const emails = institutions.map((i) => emailOf(i.code));
  const existing = await db.selectFrom('app_user').select(['email']).where('email', 'in', emails).execute();
  const missing = institutions.filter((i) => !existing.some((e) => e.email === emailOf(i.code)));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(BENCH_LEAD_PASSWORD);
    await db
      .insertInto('app_user')
      .values(
        missing.map((i) => ({
          email: emailOf(i.code),
          name: `Slodzes testa vadītājs ${i.code}`,
          role: 'institution_lead',
          institution_id: i.id,
          password_hash: passwordHash,
        })),
      )
      .execute();
  }
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'institution_id'])
    .where('email', 'in', emails)
    .execute();
  return institutions.map((i) => {
    const user = users.find((u) => u.email === emailOf(i.code))!;
    if (user.institution_id !== i.id) throw new Error(`${user.email} is not a lead of ${i.code}`);
    return { userId: user.id, email: user.email, institutionId: i.id, institutionCode: i.code };
  });
}

/** A draft sub-programme of the bench's own in the scale cycle, of the lead's institution. */
export async function createBenchSubProgramme(
  db: Kysely<Database>,
  cycleId: number,
  lead: BenchLead,
  purpose: string,
): Promise<number> {
  const row = await db
    .insertInto('sub_programme')
    .values({
      cycle_id: cycleId,
      code: benchCode(lead.institutionCode, purpose),
      name: `Slodzes tests — ${purpose}`,
      kind: 'institution',
      institution_id: lead.institutionId,
      status: 'draft',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Signs a user in through the app (app.inject); answers the session cookie. */
export async function signInInject(
  app: FastifyInstance,
  credentials: { email: string; password: string },
): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
  const cookie = response.cookies.find((c) => c.name === 'ikt_session');
  if (!cookie) throw new Error(`sign-in of ${credentials.email} failed (${response.statusCode}: ${response.body})`);
  return `${cookie.name}=${cookie.value}`;
}
