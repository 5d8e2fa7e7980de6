import { sql, type Kysely } from 'kysely';
import type { Database, NewSubProgrammeRow } from '@ikt/db/database';
import type { SubProgrammeStatus } from '@ikt/shared/domain';

/** The sub-programme with what permissions need (owner, cycle status) and its totals per year. */
function selectSubProgrammes(db: Kysely<Database>) {
  return db
    .selectFrom('sub_programme as sp')
    .innerJoin('institution as i', 'i.id', 'sp.institution_id')
    .innerJoin('budget_cycle as c', 'c.id', 'sp.cycle_id')
    .select([
      'sp.id',
      'sp.cycle_id',
      'sp.code',
      'sp.name',
      'sp.kind',
      'sp.institution_id',
      'i.code as institution_code',
      'sp.status',
      'sp.version',
      'c.status as cycle_status',
      'c.year as cycle_year',
      // Items marked `cut` (an adopted scenario) count zero in every total; they are shown apart.
      sql<Record<string, string> | null>`(
        SELECT jsonb_object_agg(t.fiscal_year::text, t.total::text)
          FROM (SELECT a.fiscal_year, sum(a.amount) AS total
                  FROM line_item li
                  JOIN line_item_amount a ON a.line_item_id = li.id
                 WHERE li.sub_programme_id = sp.id AND li.review_status <> 'cut'
                 GROUP BY a.fiscal_year) t)`.as('totals'),
    ]);
}

export function createSubProgrammeRepository(db: Kysely<Database>) {
  return {
    listByCycle(cycleId: number, institutionId?: number) {
      let query = selectSubProgrammes(db).where('sp.cycle_id', '=', cycleId).orderBy('sp.kind').orderBy('sp.code');
      if (institutionId !== undefined) query = query.where('sp.institution_id', '=', institutionId);
      return query.execute();
    },

    findById(id: number) {
      return selectSubProgrammes(db).where('sp.id', '=', id).executeTakeFirst();
    },

    /**
     * Takes the sub-programme row: `update` for status changes (submit, return, accept), `share`
     * for item edits, which may run side by side but not while the status changes.
     */
    async lock(id: number, mode: 'update' | 'share'): Promise<void> {
      await sql`SELECT 1 FROM sub_programme WHERE id = ${id} ${mode === 'update' ? sql`FOR UPDATE` : sql`FOR SHARE`}`.execute(
        db,
      );
    },

    async insert(row: NewSubProgrammeRow): Promise<number> {
      const created = await db.insertInto('sub_programme').values(row).returning('id').executeTakeFirstOrThrow();
      return created.id;
    },

    async rename(id: number, name: string): Promise<void> {
      await db
        .updateTable('sub_programme')
        .set({ name, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async setStatus(id: number, status: SubProgrammeStatus): Promise<void> {
      await db
        .updateTable('sub_programme')
        .set({ status, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async insertSnapshot(subProgrammeId: number, submittedBy: number, items: unknown): Promise<void> {
      await db
        .insertInto('submission_snapshot')
        .values({ sub_programme_id: subProgrammeId, submitted_by: submittedBy, items: JSON.stringify(items) })
        .execute();
    },

    /** The latest submissions, newest first. */
    latestSnapshots(subProgrammeId: number, count: number) {
      return db
        .selectFrom('submission_snapshot')
        .select(['id', 'submitted_at', 'items'])
        .where('sub_programme_id', '=', subProgrammeId)
        .orderBy('id', 'desc')
        .limit(count)
        .execute();
    },

    /** A withdrawn submission is taken back: the next one is compared with the one before it. */
    async deleteSnapshot(id: number): Promise<void> {
      await db.deleteFrom('submission_snapshot').where('id', '=', id).execute();
    },

    institutionOf(id: number) {
      return db.selectFrom('institution').select(['id', 'code', 'is_itc']).where('id', '=', id).executeTakeFirst();
    },

    itcInstitution() {
      return db.selectFrom('institution').select(['id', 'code']).where('is_itc', '=', true).executeTakeFirst();
    },
  };
}

export type SubProgrammeRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createSubProgrammeRepository>['findById']>>
>;
