import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { User } from '@ikt/shared/auth.schema';
import { can } from '@ikt/shared/permissions';
import type { CreateUserInput, UpdateUserInput } from '@ikt/shared/user.schema';
import { givenOnly } from '../../changes';
import type { RequestContext } from '../../context';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, fieldError } from '../../errors';
import { message } from '../../messages/message';
import { insertAudited, recordAudit } from '../audit/audit.service';
import { hashPassword, verifyPassword } from './password';
import { createUsersRepository, type UserRow } from './users.repository';

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    institutionId: row.institution_id,
    institutionCode: row.institution_code,
    active: row.active,
  };
}

const userNotFound = () => new NotFoundError(message('user.notFound'));

export function createUsersService(db: Kysely<Database>) {
  const repository = createUsersRepository(db);

  function requireAdmin(context: RequestContext | null): void {
    if (context && !can(context.actor, { action: 'user.manage' })) {
      throw new ForbiddenError(message('user.notAdmin'));
    }
  }

  /** A lead belongs to exactly one institution; nobody else is bound to one. */
  async function checkInstitution(role: User['role'], institutionId: number | null): Promise<void> {
    if (role === 'institution_lead' && institutionId === null) {
      throw fieldError(message('user.leadNeedsInstitution'), 'body.institutionId', message('field.required'));
    }
    if (role !== 'institution_lead' && institutionId !== null) {
      throw fieldError(
        message('user.onlyLeadHasInstitution'),
        'body.institutionId',
        message('user.institutionMustBeEmpty'),
      );
    }
    if (institutionId !== null && !(await repository.institutionExists(institutionId))) {
      throw fieldError(message('user.unknownInstitution'), 'body.institutionId', message('field.unknownInstitution'));
    }
  }

  return {
    /** The user behind an email and password, or null — never which of the two was wrong. */
    async verifyCredentials(email: string, password: string): Promise<User | null> {
      const row = await repository.findCredentials(email);
      const valid = await verifyPassword(row?.active ? row.password_hash : undefined, password);
      return valid && row ? toUser(row) : null;
    },

    /**
     * The signed-in user's own new password (the caller has checked the current one). Every other
     * session of theirs ends with it; the one they are using stays.
     */
    async changeOwnPassword(context: RequestContext, newPassword: string, keepSessionId: string): Promise<void> {
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        const users = createUsersRepository(trx);
        await users.update(context.actor.id, { password_hash: passwordHash });
        const sessionsEnded = await users.revokeSessions(context.actor.id, keepSessionId);
        await recordAudit(trx, context, {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: context.actor.id,
          after: { passwordChanged: true, otherSessionsEnded: sessionsEnded },
        });
      });
    },

    async list(context: RequestContext): Promise<User[]> {
      requireAdmin(context);
      return (await repository.list()).map(toUser);
    },

    async get(context: RequestContext, id: number): Promise<User> {
      requireAdmin(context);
      const row = await repository.findById(id);
      if (!row) throw userNotFound();
      return toUser(row);
    },

    /** `context` is null for the operator's command line (`npm run user:create`). */
    async create(context: RequestContext | null, input: CreateUserInput): Promise<User> {
      requireAdmin(context);
      await checkInstitution(input.role, input.institutionId);
      const passwordHash = await hashPassword(input.password);
      return db.transaction().execute(async (trx) => {
        const users = createUsersRepository(trx);
        const taken = message('user.emailTaken');
        return insertAudited(
          trx,
          context,
          { action: 'user.create', entityType: 'user' },
          {
            insert: () =>
              users.insert({
                email: input.email,
                name: input.name,
                role: input.role,
                institution_id: input.institutionId,
                password_hash: passwordHash,
              }),
            taken: () => new ConflictError(taken, [{ path: 'body.email', message: taken }]),
            read: async (id) => toUser((await users.findById(id))!),
          },
        );
      });
    },

    async update(context: RequestContext, id: number, input: UpdateUserInput): Promise<User> {
      requireAdmin(context);
      const before = await repository.findById(id);
      if (!before) throw userNotFound();
      const role = input.role ?? before.role;
      const institutionId = input.institutionId !== undefined ? input.institutionId : before.institution_id;
      await checkInstitution(role, institutionId);
      if (id === context.actor.id && (input.active === false || (input.role && input.role !== 'admin'))) {
        throw new ValidationError(message('user.cannotLockOutSelf'));
      }
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      return db.transaction().execute(async (trx) => {
        const users = createUsersRepository(trx);
        await users.update(
          id,
          givenOnly({
            name: input.name,
            role,
            institution_id: institutionId,
            active: input.active,
            password_hash: passwordHash,
          }),
        );
        // A new password or a disabled account ends every session at once.
        if (passwordHash || input.active === false) await users.revokeSessions(id);
        const after = toUser((await users.findById(id))!);
        await recordAudit(trx, context, {
          action: 'user.update',
          entityType: 'user',
          entityId: id,
          before: toUser(before),
          after: { ...after, ...(passwordHash ? { passwordChanged: true } : {}) },
        });
        return after;
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
