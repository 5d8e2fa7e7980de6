import type { Kysely } from 'kysely';
import type { AppUserTable, Database, NewAppUserRow } from '@ikt/db/database';
import type { Updateable } from 'kysely';

/** Never selects the password hash except in `findCredentials`. */
const PUBLIC_COLUMNS = [
  'u.id',
  'u.email',
  'u.name',
  'u.role',
  'u.institution_id',
  'i.code as institution_code',
  'u.active',
] as const;

/** Users as the API shows them (`u`, their institution `i`); the sign-in's session lookup builds on it. */
export function selectUsers(db: Kysely<Database>) {
  return db.selectFrom('app_user as u').leftJoin('institution as i', 'i.id', 'u.institution_id').select(PUBLIC_COLUMNS);
}

export function createUsersRepository(db: Kysely<Database>) {
  return {
    findById(id: number) {
      return selectUsers(db).where('u.id', '=', id).executeTakeFirst();
    },

    findCredentials(email: string) {
      return selectUsers(db).select('u.password_hash').where('u.email', '=', email).executeTakeFirst();
    },

    list() {
      return selectUsers(db).orderBy('u.email').execute();
    },

    async insert(row: NewAppUserRow): Promise<number> {
      const created = await db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
      return created.id;
    },

    async update(id: number, changes: Updateable<AppUserTable>): Promise<void> {
      await db
        .updateTable('app_user')
        .set({ ...changes, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
    },

    /** Ends the user's sessions (all but `keepSessionId`, when given); answers how many ended. */
    async revokeSessions(userId: number, keepSessionId?: string): Promise<number> {
      let query = db.deleteFrom('session').where('user_id', '=', userId);
      if (keepSessionId !== undefined) query = query.where('id', '!=', keepSessionId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    institutionExists(id: number) {
      return db.selectFrom('institution').select('id').where('id', '=', id).executeTakeFirst();
    },
  };
}

export type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createUsersRepository>['findById']>>>;
