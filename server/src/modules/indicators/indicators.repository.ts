import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

export function createIndicatorsRepository(db: Kysely<Database>) {
  return {
    inputsOf(cycleId: number) {
      return db
        .selectFrom('budget_cycle')
        .select(['id', 'year', 'status', 'municipal_budget_total', 'ict_users', 'computers', 'it_staff'])
        .where('id', '=', cycleId)
        .executeTakeFirst();
    },

    async setInputs(
      cycleId: number,
      inputs: { municipal_budget_total: string; ict_users: number; computers: number; it_staff: number },
    ): Promise<void> {
      await db
        .updateTable('budget_cycle')
        .set({ ...inputs, updated_at: sql`now()` })
        .where('id', '=', cycleId)
        .execute();
    },

    /** The cycle's ICT budget for one fiscal year; items marked cut count zero. */
    async yearTotal(cycleId: number, fiscalYear: number): Promise<string> {
      const { rows } = await sql<{ total: string }>`
        SELECT coalesce(sum(a.amount), 0)::text AS total
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id AND a.fiscal_year = ${fiscalYear}
         WHERE sp.cycle_id = ${cycleId} AND li.review_status <> 'cut'`.execute(db);
      return rows[0]!.total;
    },

    /** One institution's ICT budget for one fiscal year of the cycle; items marked cut count zero. */
    async institutionYearTotal(cycleId: number, fiscalYear: number, institutionId: number): Promise<string> {
      const { rows } = await sql<{ total: string }>`
        SELECT coalesce(sum(a.amount), 0)::text AS total
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id AND a.fiscal_year = ${fiscalYear}
         WHERE sp.cycle_id = ${cycleId} AND sp.institution_id = ${institutionId} AND li.review_status <> 'cut'`.execute(
        db,
      );
      return rows[0]!.total;
    },

    institutionCode(institutionId: number) {
      return db.selectFrom('institution').select('code').where('id', '=', institutionId).executeTakeFirst();
    },

    benchmarks() {
      return db.selectFrom('benchmark').select(['indicator', 'riga_2015', 'peer_average', 'source']).execute();
    },
  };
}
