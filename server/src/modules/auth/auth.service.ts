import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { LoginInput, User } from '@ikt/shared/auth.schema';
import type { SecurityConfig } from '../../config';
import { InvalidCredentialsError, TooManyRequestsError } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import type { UsersService } from '../users/users.service';
import { createAuthRepository } from './auth.repository';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Touching last_seen_at on every request would write on every read; once a minute is enough. */
const TOUCH_AFTER_MS = 60_000;

export interface LoginRequest extends LoginInput {
  ip: string;
  userAgent: string | null;
  /** The session the browser still presented, ended at login (a new id at every login). */
  previousToken: string | undefined;
  requestId: string;
}

export function createAuthService(db: Kysely<Database>, users: UsersService, security: SecurityConfig) {
  const repository = createAuthRepository(db);

  async function checkRateLimit(email: string, ip: string): Promise<void> {
    const window = security.loginWindowMinutes;
    const [account, address] = await Promise.all([
      repository.failuresSince('email', email, window),
      repository.failuresSince('ip', ip, window),
    ]);
    const blocked = [
      account.failures >= security.loginMaxFailuresPerAccount ? account.retryAfterSeconds : 0,
      address.failures >= security.loginMaxFailuresPerAddress ? address.retryAfterSeconds : 0,
    ].filter((seconds) => seconds > 0);
    if (blocked.length > 0) {
      throw new TooManyRequestsError(
        {
          lv: 'Pārāk daudz neveiksmīgu pieteikšanās mēģinājumu. Mēģiniet vēlāk.',
          en: 'Too many failed sign-in attempts. Try again later.',
        },
        Math.max(...blocked),
      );
    }
  }

  return {
    sessionMaxAgeSeconds: security.sessionMaxHours * 3600,

    async login(request: LoginRequest): Promise<{ user: User; token: string }> {
      await checkRateLimit(request.email, request.ip);
      const user = await users.verifyCredentials(request.email, request.password);
      if (!user) {
        await repository.recordFailure(request.email, request.ip);
        throw new InvalidCredentialsError({ lv: 'Nepareizs e-pasts vai parole.', en: 'Wrong email or password.' });
      }
      const token = randomBytes(32).toString('base64url');
      await db.transaction().execute(async (trx) => {
        const auth = createAuthRepository(trx);
        if (request.previousToken) await auth.deleteSession(hashToken(request.previousToken));
        await auth.clearFailures(request.email);
        await auth.insertSession({
          id: hashToken(token),
          userId: user.id,
          expiresAt: new Date(Date.now() + security.sessionMaxHours * 3600_000),
          ip: request.ip,
          userAgent: request.userAgent?.slice(0, 500) ?? null,
        });
        await recordAudit(
          trx,
          { actor: { id: user.id, role: user.role, institutionId: user.institutionId }, requestId: request.requestId },
          { action: 'auth.login', entityType: 'user', entityId: user.id, after: { ip: request.ip } },
        );
      });
      // Housekeeping on the side; a failure here must not fail the sign-in.
      void repository.deleteExpiredSessions(security.sessionIdleMinutes).catch(() => undefined);
      void repository.deleteOldFailures(security.loginWindowMinutes).catch(() => undefined);
      return { user, token };
    },

    async logout(token: string | undefined): Promise<void> {
      if (token) await repository.deleteSession(hashToken(token));
    },

    /** The signed-in user behind a cookie's token, or null. */
    async resolve(token: string): Promise<User | null> {
      const id = hashToken(token);
      const row = await repository.findLiveSession(id, security.sessionIdleMinutes);
      if (!row) return null;
      if (Date.now() - row.last_seen_at.getTime() > TOUCH_AFTER_MS) await repository.touchSession(id);
      return {
        id: row.id,
        email: row.email,
        name: row.name,
        role: row.role,
        institutionId: row.institution_id,
        institutionCode: row.institution_code,
        active: row.active,
      };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
