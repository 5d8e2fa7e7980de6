import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { ChangePasswordInput, LoginInput, Session, User } from '@ikt/shared/auth.schema';
import type { SecurityConfig } from '../../config';
import type { RequestContext } from '../../context';
import { InvalidCredentialsError, NotFoundError, TooManyRequestsError, fieldError } from '../../errors';
import { message } from '../../messages/message';
import { recordAudit, type AuditContext } from '../audit/audit.service';
import { toUser, type UsersService } from '../users/users.service';
import { createAuthRepository } from './auth.repository';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Touching last_seen_at on every request would write on every read; once a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

/** Where a request came from, for the limits and the audit trail. */
export interface ClientInfo {
  ip: string;
  userAgent: string | null;
  requestId: string;
}

export interface LoginRequest extends LoginInput, ClientInfo {
  /** The session the browser still presented, ended at login (a new id at every login). */
  previousToken: string | undefined;
}

export interface PasswordChangeRequest extends ChangePasswordInput, ClientInfo {
  context: RequestContext;
  /** The signed-in user's email: the account whose sign-in limit the current password's check counts against. */
  email: string;
  /** The session cookie's token: that session stays, every other one of the user's ends. */
  token: string;
}

/** A place taken for one password check, before the check. */
interface Reservation {
  id: string;
  /** How long the attempt waits for its turn (an address past its allowance is slowed down). */
  delayMs: number;
  /** The account's last allowed failure in the window: if this one fails, the account is locked out. */
  locksOut: boolean;
}

export function createAuthService(db: Kysely<Database>, users: UsersService, security: SecurityConfig) {
  const repository = createAuthRepository(db);
  const window = security.loginWindowMinutes;

  /**
   * Past its allowance, an address's attempts are spaced out: each waits until `spacing` after the
   * one before it from that address (which may itself still be waiting), the spacing doubling
   * with every further attempt up to the maximum. Answers the wait from now.
   */
  function addressDelayMs(attempts: number, newestOffsetMs: number | null): number {
    const excess = attempts - security.loginMaxFailuresPerAddress;
    if (excess < 0 || newestOffsetMs === null) return 0;
    const spacing = Math.min(security.loginAddressMaxDelayMs, security.loginAddressDelayMs * 2 ** excess);
    return Math.max(0, newestOffsetMs + spacing);
  }

  /**
   * Takes a place for one password check, or refuses with 429. Counting the attempts so far and
   * taking the place are one step, under locks on the account and the address held to the end of
   * the transaction: however many attempts arrive at once, on however many app instances, no more
   * than the limit get a place, so no more than the limit are ever checked.
   */
  function reserve(email: string, ip: string): Promise<Reservation> {
    return db.transaction().execute(async (trx) => {
      const attempts = createAuthRepository(trx);
      await attempts.lockSignIn(email, ip);
      const account = await attempts.attemptsSince('email', email, window);
      if (account.attempts >= security.loginMaxFailuresPerAccount) {
        throw new TooManyRequestsError(message('auth.tooManyForAccount'), account.retryAfterSeconds);
      }
      const address = await attempts.attemptsSince('ip', ip, window);
      const delayMs = addressDelayMs(address.attempts, address.newestOffsetMs);
      // Waiting in line is the slowing down; a line longer than one longest wait is not held open.
      if (delayMs > security.loginAddressMaxDelayMs) {
        throw new TooManyRequestsError(
          message('auth.tooManyFromAddress'),
          Math.max(1, Math.ceil((delayMs - security.loginAddressMaxDelayMs) / 1000)),
        );
      }
      const id = await attempts.reserveAttempt(email, ip, delayMs);
      return { id, delayMs, locksOut: account.attempts + 1 === security.loginMaxFailuresPerAccount };
    });
  }

  /**
   * Checks a password for `email` within the limits: a place first, then its wait, then the check.
   * A failure keeps the place (it counts) and is audited — the email tried and the address, never
   * the password — and so is the lock-out it may bring about. A check that throws leaves its place
   * pending, counted as a failure until the window passes: the limit errs on the closed side.
   */
  async function checkWithinLimits(
    email: string,
    client: ClientInfo,
    failure: { action: string; actor: AuditContext['actor'] },
    check: () => Promise<User | null>,
  ): Promise<{ user: User; reservationId: string } | null> {
    const reservation = await reserve(email, client.ip);
    if (reservation.delayMs > 0) await sleep(reservation.delayMs);
    const user = await check();
    if (user) return { user, reservationId: reservation.id };
    await db.transaction().execute(async (trx) => {
      await createAuthRepository(trx).settleFailure(reservation.id);
      const context = { actor: failure.actor, requestId: client.requestId };
      const attempt = { email, ip: client.ip };
      await recordAudit(trx, context, {
        action: failure.action,
        entityType: 'sign_in',
        entityId: email,
        after: attempt,
      });
      if (reservation.locksOut) {
        await recordAudit(trx, context, {
          action: 'auth.locked_out',
          entityType: 'sign_in',
          entityId: email,
          after: { ...attempt, failures: security.loginMaxFailuresPerAccount, windowMinutes: window },
        });
      }
    });
    return null;
  }

  return {
    sessionMaxAgeSeconds: security.sessionMaxHours * 3600,

    async login(request: LoginRequest): Promise<{ user: User; token: string }> {
      const checked = await checkWithinLimits(
        request.email,
        request,
        { action: 'auth.login_failed', actor: null },
        () => users.verifyCredentials(request.email, request.password),
      );
      if (!checked) throw new InvalidCredentialsError(message('auth.wrongCredentials'));
      const { user } = checked;
      const token = randomBytes(32).toString('base64url');
      await db.transaction().execute(async (trx) => {
        const auth = createAuthRepository(trx);
        if (request.previousToken) await auth.deleteSession(hashToken(request.previousToken));
        await auth.settleSuccess(checked.reservationId, request.email);
        const session = await auth.insertSession({
          id: hashToken(token),
          userId: user.id,
          expiresAt: new Date(Date.now() + security.sessionMaxHours * 3600_000),
          ip: request.ip,
          userAgent: request.userAgent?.slice(0, 500) ?? null,
        });
        await recordAudit(
          trx,
          { actor: { id: user.id }, requestId: request.requestId },
          { action: 'auth.login', entityType: 'user', entityId: user.id, after: { ip: request.ip, session } },
        );
      });
      // Housekeeping on the side; a failure here must not fail the sign-in.
      void repository.deleteExpiredSessions(security.sessionIdleMinutes).catch(() => undefined);
      void repository.deleteOldFailures(window).catch(() => undefined);
      return { user, token };
    },

    /** Ends the cookie's session, if it still exists, and records whose it was. */
    async logout(token: string | undefined, requestId: string): Promise<void> {
      if (!token) return;
      await db.transaction().execute(async (trx) => {
        const ended = await createAuthRepository(trx).deleteSession(hashToken(token));
        if (!ended) return;
        await recordAudit(
          trx,
          { actor: { id: ended.user_id }, requestId },
          { action: 'auth.logout', entityType: 'user', entityId: ended.user_id, after: { session: ended.public_id } },
        );
      });
    },

    /**
     * A new password for the signed-in user. The current one is checked against the same limit as
     * a sign-in to the account (a stolen session cannot guess it any faster); a wrong one is a field
     * error, not a 401 — the session itself is fine.
     */
    async changePassword(request: PasswordChangeRequest): Promise<void> {
      if (request.newPassword === request.currentPassword) {
        throw fieldError(message('auth.samePassword'), 'body.newPassword', message('auth.samePasswordField'));
      }
      const { actor } = request.context;
      const checked = await checkWithinLimits(
        request.email,
        request,
        { action: 'auth.password_change_failed', actor },
        async () => {
          const user = await users.verifyCredentials(request.email, request.currentPassword);
          return user?.id === actor.id ? user : null;
        },
      );
      if (!checked) {
        throw fieldError(
          message('auth.wrongCurrentPassword'),
          'body.currentPassword',
          message('auth.wrongPasswordField'),
        );
      }
      await repository.settleSuccess(checked.reservationId, request.email);
      await users.changeOwnPassword(request.context, request.newPassword, hashToken(request.token));
    },

    /** The signed-in user's live sessions, the one `token` belongs to marked as current. */
    async listSessions(context: RequestContext, token: string): Promise<Session[]> {
      const rows = await repository.listSessions(context.actor.id, hashToken(token), security.sessionIdleMinutes);
      return rows.map((row) => ({
        id: row.public_id,
        current: row.current,
        createdAt: row.created_at.toISOString(),
        lastSeenAt: row.last_seen_at.toISOString(),
        expiresAt: row.expires_at.toISOString(),
        ip: row.ip,
        userAgent: row.user_agent,
      }));
    },

    /**
     * Ends one of the signed-in user's own sessions. Someone else's answers 404, as one that does not
     * exist: the id tells nothing about other users' sessions. Answers whether it was the current one.
     */
    async endSession(context: RequestContext, token: string, publicId: string): Promise<{ current: boolean }> {
      return db.transaction().execute(async (trx) => {
        const ended = await createAuthRepository(trx).deleteSessionOf(context.actor.id, publicId, hashToken(token));
        if (!ended) throw new NotFoundError(message('auth.sessionNotFound'));
        await recordAudit(trx, context, {
          action: 'auth.session_ended',
          entityType: 'user',
          entityId: context.actor.id,
          after: { session: ended.public_id, current: ended.current },
        });
        return { current: ended.current };
      });
    },

    /** The signed-in user behind a cookie's token, or null. */
    async resolve(token: string): Promise<User | null> {
      const id = hashToken(token);
      const row = await repository.findLiveSession(id, security.sessionIdleMinutes);
      if (!row) return null;
      if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) await repository.touchSession(id);
      return toUser(row);
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
