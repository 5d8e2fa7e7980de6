import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

/** Sessions and failed sign-ins. Session ids are SHA-256 hashes of the cookie's token. */
export function createAuthRepository(db: Kysely<Database>) {
  return {
    async insertSession(session: {
      id: string;
      userId: number;
      expiresAt: Date;
      ip: string;
      userAgent: string | null;
    }) {
      await db
        .insertInto('session')
        .values({
          id: session.id,
          user_id: session.userId,
          expires_at: session.expiresAt,
          ip: session.ip,
          user_agent: session.userAgent,
        })
        .execute();
    },

    /** The live session's user: not expired, not idle too long, the account still active. */
    findLiveSession(id: string, idleMinutes: number) {
      return db
        .selectFrom('session as s')
        .innerJoin('app_user as u', 'u.id', 's.user_id')
        .leftJoin('institution as i', 'i.id', 'u.institution_id')
        .select([
          's.id as session_id',
          's.last_seen_at',
          'u.id',
          'u.email',
          'u.name',
          'u.role',
          'u.institution_id',
          'i.code as institution_code',
          'u.active',
        ])
        .where('s.id', '=', id)
        .where('u.active', '=', true)
        .where('s.expires_at', '>', sql<Date>`now()`)
        .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
        .executeTakeFirst();
    },

    async touchSession(id: string): Promise<void> {
      await db
        .updateTable('session')
        .set({ last_seen_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async deleteSession(id: string): Promise<void> {
      await db.deleteFrom('session').where('id', '=', id).execute();
    },

    async deleteExpiredSessions(idleMinutes: number): Promise<void> {
      await db
        .deleteFrom('session')
        .where((eb) =>
          eb.or([
            eb('expires_at', '<=', sql<Date>`now()`),
            eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
          ]),
        )
        .execute();
    },

    async recordFailure(email: string, ip: string): Promise<void> {
      await db.insertInto('login_attempt').values({ email, ip }).execute();
    },

    async clearFailures(email: string): Promise<void> {
      await db.deleteFrom('login_attempt').where('email', '=', email).execute();
    },

    /** Failures within the window, and when the oldest of them leaves it (seconds from now). */
    async failuresSince(column: 'email' | 'ip', value: string, windowMinutes: number) {
      const row = await db
        .selectFrom('login_attempt')
        .select([
          sql<string>`count(*)`.as('failures'),
          sql<string>`ceil(extract(epoch FROM (min(attempted_at) + make_interval(mins => ${windowMinutes}) - now())))`.as(
            'retry_after',
          ),
        ])
        .where(column, '=', value)
        .where('attempted_at', '>', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
        .executeTakeFirstOrThrow();
      return { failures: Number(row.failures), retryAfterSeconds: Math.max(1, Number(row.retry_after ?? 1)) };
    },

    async deleteOldFailures(windowMinutes: number): Promise<void> {
      await db
        .deleteFrom('login_attempt')
        .where('attempted_at', '<=', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
        .execute();
    },
  };
}
