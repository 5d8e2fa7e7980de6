import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { selectUsers } from '../users/users.repository';

/** Sessions and failed sign-ins. Session ids are SHA-256 hashes of the cookie's token. */
export function createAuthRepository(db: Kysely<Database>) {
  return {
    async insertSession(session: {
      id: string;
      userId: number;
      expiresAt: Date;
      ip: string;
      userAgent: string | null;
    }): Promise<string> {
      const row = await db
        .insertInto('session')
        .values({
          id: session.id,
          user_id: session.userId,
          expires_at: session.expiresAt,
          ip: session.ip,
          user_agent: session.userAgent,
        })
        .returning('public_id')
        .executeTakeFirstOrThrow();
      return row.public_id;
    },

    /** The live session's user: not expired, not idle too long, the account still active. */
    findLiveSession(id: string, idleMinutes: number) {
      return selectUsers(db)
        .innerJoin('session as s', 's.user_id', 'u.id')
        .select(['s.id as session_id', 's.last_seen_at'])
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

    /** Ends a session; answers whose it was, or undefined when there was none. */
    deleteSession(id: string) {
      return db.deleteFrom('session').where('id', '=', id).returning(['user_id', 'public_id']).executeTakeFirst();
    },

    /** A user's live sessions, newest first; `currentId` (a token's hash) is compared, never returned. */
    listSessions(userId: number, currentId: string, idleMinutes: number) {
      return db
        .selectFrom('session')
        .select([
          'public_id',
          sql<boolean>`id = ${currentId}`.as('current'),
          'created_at',
          'last_seen_at',
          'expires_at',
          'ip',
          'user_agent',
        ])
        .where('user_id', '=', userId)
        .where('expires_at', '>', sql<Date>`now()`)
        .where('last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
        .orderBy('created_at', 'desc')
        .orderBy('public_id')
        .execute();
    },

    /** Ends one of the user's own sessions by its public id; undefined when the user has none such. */
    deleteSessionOf(userId: number, publicId: string, currentId: string) {
      return db
        .deleteFrom('session')
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .returning(['public_id', sql<boolean>`id = ${currentId}`.as('current')])
        .executeTakeFirst();
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

    /**
     * Serialises sign-in attempts for one account and for one address until the transaction ends,
     * across every app instance on the database. Always the address first, then the account, so
     * two attempts never wait for each other crosswise.
     */
    async lockSignIn(email: string, ip: string): Promise<void> {
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in address:${ip}`}, 0))`.execute(db);
      await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in account:${email}`}, 0))`.execute(db);
    },

    /**
     * Attempts within the window (failures and those still being checked), when the oldest of them
     * leaves it and how far the newest is from now (it may lie ahead: an attempt waiting its turn).
     */
    async attemptsSince(column: 'email' | 'ip', value: string, windowMinutes: number) {
      const row = await db
        .selectFrom('login_attempt')
        .select([
          sql<string>`count(*)`.as('attempts'),
          sql<string>`ceil(extract(epoch FROM (min(attempted_at) + make_interval(mins => ${windowMinutes}) - now())))`.as(
            'retry_after',
          ),
          sql<string | null>`extract(epoch FROM (max(attempted_at) - now())) * 1000`.as('newest_ms'),
        ])
        .where(column, '=', value)
        .where('attempted_at', '>', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
        .executeTakeFirstOrThrow();
      return {
        attempts: Number(row.attempts),
        retryAfterSeconds: Math.max(1, Number(row.retry_after ?? 1)),
        newestOffsetMs: row.newest_ms === null ? null : Number(row.newest_ms),
      };
    },

    /** An attempt's place, `delayMs` from now, taken before its password is checked. */
    async reserveAttempt(email: string, ip: string, delayMs: number): Promise<string> {
      const row = await db
        .insertInto('login_attempt')
        .values({
          email,
          ip,
          pending: true,
          attempted_at: sql<Date>`now() + make_interval(secs => ${delayMs / 1000})`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** The password was wrong: the reserved place stays, as the failure. */
    async settleFailure(id: string): Promise<void> {
      await db.updateTable('login_attempt').set({ pending: false }).where('id', '=', id).execute();
    },

    /**
     * The password was right: its own place goes, and so do the account's failures so far. Places
     * still being checked stay, so a success never frees room for more guesses checked at once.
     */
    async settleSuccess(id: string, email: string): Promise<void> {
      await db
        .deleteFrom('login_attempt')
        .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('email', '=', email), eb('pending', '=', false)])]))
        .execute();
    },

    async deleteOldFailures(windowMinutes: number): Promise<void> {
      await db
        .deleteFrom('login_attempt')
        .where('attempted_at', '<=', sql<Date>`now() - make_interval(mins => ${windowMinutes})`)
        .execute();
    },
  };
}
