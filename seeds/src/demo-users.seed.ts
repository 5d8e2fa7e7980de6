import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { Role } from '@ikt/shared/domain';

/** `ĪD` → `id`, `DzMPK` → `dzmpk`: the institution code as it appears in a demo email. */
export function asciiLower(code: string): string {
  return code
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  institutionCode: string | null;
}

/**
 * The demo users (never on a real database unless asked for): one per role, and a sector ICT
 * lead for every institution but ITC, whose central sub-programme ITC finance owns.
 */
export async function demoUsers(db: Kysely<Database>): Promise<DemoUser[]> {
  const institutions = await db
    .selectFrom('institution')
    .select(['code', 'name_lv', 'is_itc'])
    .where('active', '=', true)
    .orderBy('code')
    .execute();
  return [
    { email: 'admin@riga.example', name: 'Sistēmas administrators', role: 'admin', institutionCode: null },
    { email: 'itc.finance@riga.example', name: 'ITC finanšu speciāliste', role: 'itc_finance', institutionCode: null },
    {
      email: 'fd@riga.example',
      name: 'Finanšu departamenta analītiķis',
      role: 'finance_viewer',
      institutionCode: null,
    },
    { email: 'council@riga.example', name: 'IKT attīstības padomes loceklis', role: 'council', institutionCode: null },
    ...institutions
      .filter((i) => !i.is_itc)
      .map((i) => ({
        email: `lead.${asciiLower(i.code)}@riga.example`,
        name: `${i.code} nozares IKT vadītājs`,
        role: 'institution_lead' as const,
        institutionCode: i.code,
      })),
  ];
}

/** Adds the demo users that are missing; the password hash comes from the caller (argon2id). */
export async function seedDemoUsers(db: Kysely<Database>, passwordHash: string): Promise<number> {
  const users = await demoUsers(db);
  const institutions = new Map(
    (await db.selectFrom('institution').select(['id', 'code']).execute()).map((i) => [i.code, i.id]),
  );
  const inserted = await db
    .insertInto('app_user')
    .values(
      users.map((u) => ({
        email: u.email,
        name: u.name,
        role: u.role,
        institution_id: u.institutionCode ? institutions.get(u.institutionCode)! : null,
        password_hash: passwordHash,
      })),
    )
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
