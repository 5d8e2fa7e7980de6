import { sql, type Kysely } from 'kysely';
import type { BudgetCycleUpdate, Database, NewBudgetCycleRow } from '@ikt/db/database';

const COLUMNS = ['id', 'year', 'title', 'status', 'submission_deadline', 'base_cycle_id', 'version'] as const;

export function createCyclesRepository(db: Kysely<Database>) {
  return {
    list() {
      return db.selectFrom('budget_cycle').select(COLUMNS).orderBy('year', 'desc').execute();
    },

    findById(id: number) {
      return db.selectFrom('budget_cycle').select(COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    /** Locks the cycle against concurrent transitions for the rest of the transaction. */
    lockById(id: number) {
      return db.selectFrom('budget_cycle').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
    },

    /** The cycle's sub-programmes not (yet) accepted, central first, then by code. */
    subProgrammesNotAccepted(cycleId: number) {
      return db
        .selectFrom('sub_programme as sp')
        .innerJoin('institution as i', 'i.id', 'sp.institution_id')
        .select(['sp.id', 'sp.code', 'sp.name', 'sp.status', 'i.code as institution_code'])
        .where('sp.cycle_id', '=', cycleId)
        .where('sp.status', '<>', 'accepted')
        .orderBy('sp.kind')
        .orderBy('sp.code')
        .execute();
    },

    async insert(row: NewBudgetCycleRow): Promise<number> {
      const created = await db.insertInto('budget_cycle').values(row).returning('id').executeTakeFirstOrThrow();
      return created.id;
    },

    /** Whether any item of the cycle already continues one of the base cycle's items. */
    async hasCarriedItems(cycleId: number, baseCycleId: number): Promise<boolean> {
      const row = await db
        .selectFrom('line_item as li')
        .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
        .innerJoin('line_item as origin', 'origin.id', 'li.carried_from_id')
        .innerJoin('sub_programme as origin_sp', 'origin_sp.id', 'origin.sub_programme_id')
        .select('li.id')
        .where('sp.cycle_id', '=', cycleId)
        .where('origin_sp.cycle_id', '=', baseCycleId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    /**
     * Rollover (while the new cycle is in draft, last year's maintenance carries on as drafts to
     * defend again) in three statements: the base cycle's sub-programmes that have
     * maintenance items appear in the new cycle (same code, name, kind, owner) where missing;
     * their maintenance items are copied as drafts continuing the old ones; the amounts move with
     * the calendar — each new fiscal year takes the base cycle's amount for the same year, and
     * a year beyond the base cycle's last repeats that last year (maintenance goes on).
     */
    async rollover(cycleId: number, cycleYear: number, baseCycleId: number, baseYear: number, actorId: number) {
      const createdSubProgrammes = await sql<{ id: number }>`
        INSERT INTO sub_programme (cycle_id, code, name, kind, institution_id)
        SELECT ${cycleId}, sp.code, sp.name, sp.kind, sp.institution_id
          FROM sub_programme sp
         WHERE sp.cycle_id = ${baseCycleId}
           AND EXISTS (SELECT 1 FROM line_item li
                        WHERE li.sub_programme_id = sp.id AND li.cost_nature = 'maintenance' AND li.review_status <> 'cut')
           AND NOT EXISTS (SELECT 1 FROM sub_programme t WHERE t.cycle_id = ${cycleId} AND t.code = sp.code)
        RETURNING id`.execute(db);

      const copied = await sql<{ id: number; carried_from_id: number }>`
        INSERT INTO line_item (sub_programme_id, title, description, ekk_code, cost_nature, ict_service_code,
                               information_system_code, action_direction_code, priority, rank, quantity, unit,
                               unit_price, business_need, legal_basis, impact_if_cut, calculation_basis,
                               review_status, carried_from_id, created_by, updated_by)
        SELECT target.id, li.title, li.description, li.ekk_code, li.cost_nature, li.ict_service_code,
               li.information_system_code, li.action_direction_code, li.priority, li.rank, li.quantity, li.unit,
               li.unit_price, li.business_need, li.legal_basis, li.impact_if_cut, li.calculation_basis,
               'draft', li.id, ${actorId}, ${actorId}
          FROM line_item li
          JOIN sub_programme base ON base.id = li.sub_programme_id AND base.cycle_id = ${baseCycleId}
          JOIN sub_programme target ON target.cycle_id = ${cycleId} AND target.code = base.code
         WHERE li.cost_nature = 'maintenance' AND li.review_status <> 'cut'
         ORDER BY li.id
        RETURNING id, carried_from_id`.execute(db);

      if (copied.rows.length > 0) {
        await sql`
          INSERT INTO line_item_goal (line_item_id, goal_code)
          SELECT li.id, g.goal_code
            FROM line_item li JOIN line_item_goal g ON g.line_item_id = li.carried_from_id
           WHERE li.id = ANY(${copied.rows.map((r) => r.id)})`.execute(db);
        await sql`
          INSERT INTO line_item_amount (line_item_id, fiscal_year, amount)
          SELECT li.id, fy.year, a.amount
            FROM line_item li
           CROSS JOIN generate_series(${cycleYear}::int, ${cycleYear + 2}::int) AS fy(year)
            JOIN line_item_amount a
              ON a.line_item_id = li.carried_from_id
             AND a.fiscal_year = least(fy.year, ${baseYear + 2}::int)
           WHERE li.id = ANY(${copied.rows.map((r) => r.id)})`.execute(db);
        await sql`
          INSERT INTO line_item_beneficiary (line_item_id, institution_id, share)
          SELECT li.id, b.institution_id, b.share
            FROM line_item li JOIN line_item_beneficiary b ON b.line_item_id = li.carried_from_id
           WHERE li.id = ANY(${copied.rows.map((r) => r.id)})`.execute(db);
      }
      await this.rolloverAllocationBasis(cycleId, cycleYear, baseCycleId, baseYear);
      return { subProgrammeIds: createdSubProgrammes.rows.map((r) => r.id), copiedItems: copied.rows };
    },

    /**
     * Last year's service drivers and quantities as the starting point of the full cost, where
     * the new cycle has none of its own yet: the quantities move with the calendar like the
     * amounts (a year beyond the base cycle's last repeats that last year).
     */
    async rolloverAllocationBasis(cycleId: number, cycleYear: number, baseCycleId: number, baseYear: number) {
      const drivers = await sql`
        INSERT INTO service_driver (cycle_id, service_code, unit_lv, unit_en)
        SELECT ${cycleId}, service_code, unit_lv, unit_en FROM service_driver WHERE cycle_id = ${baseCycleId}
        ON CONFLICT DO NOTHING`.execute(db);
      const consumption = await sql`
        INSERT INTO service_consumption (cycle_id, service_code, institution_id, fiscal_year, quantity)
        SELECT ${cycleId}, c.service_code, c.institution_id, fy.year, c.quantity
          FROM generate_series(${cycleYear}::int, ${cycleYear + 2}::int) AS fy(year)
          JOIN service_consumption c ON c.cycle_id = ${baseCycleId} AND c.fiscal_year = least(fy.year, ${baseYear + 2}::int)
         WHERE NOT EXISTS (SELECT 1 FROM service_consumption t WHERE t.cycle_id = ${cycleId})
        ON CONFLICT DO NOTHING`.execute(db);
      if ((drivers.numAffectedRows ?? 0n) + (consumption.numAffectedRows ?? 0n) > 0n) {
        await db
          .updateTable('budget_cycle')
          .set((eb) => ({ allocation_version: eb('allocation_version', '+', 1) }))
          .where('id', '=', cycleId)
          .execute();
      }
    },

    /**
     * The council's approval: every item of the cycle gets its adopted and current figure for each
     * fiscal year — the proposal where ITC made one, else the request (0 for a cut item). The
     * items are locked first, so a proposal in flight lands before or not at all. A figure
     * already adopted (a cycle approved before and reopened) stays as it was.
     */
    async freezeAdopted(cycleId: number): Promise<void> {
      await sql`
        SELECT li.id FROM line_item li JOIN sub_programme sp ON sp.id = li.sub_programme_id
         WHERE sp.cycle_id = ${cycleId} FOR UPDATE OF li`.execute(db);
      await sql`
        INSERT INTO line_item_stage (line_item_id, fiscal_year, adopted, "current")
        SELECT li.id, y.fiscal_year, figure.amount, figure.amount
          FROM budget_cycle c
          JOIN sub_programme sp ON sp.cycle_id = c.id
          JOIN line_item li ON li.sub_programme_id = sp.id
         CROSS JOIN generate_series(c.year, c.year + 2) AS y(fiscal_year)
          LEFT JOIN line_item_amount a ON a.line_item_id = li.id AND a.fiscal_year = y.fiscal_year
          LEFT JOIN line_item_stage s ON s.line_item_id = li.id AND s.fiscal_year = y.fiscal_year
         CROSS JOIN LATERAL (SELECT CASE WHEN li.review_status = 'cut' THEN 0.00
                                         ELSE coalesce(s.proposal, a.amount, 0.00) END AS amount) figure
         WHERE c.id = ${cycleId}
        ON CONFLICT (line_item_id, fiscal_year) DO UPDATE
          SET adopted = excluded.adopted, "current" = excluded."current"
          WHERE line_item_stage.adopted IS NULL`.execute(db);
    },

    async update(id: number, changes: BudgetCycleUpdate): Promise<void> {
      await db
        .updateTable('budget_cycle')
        .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },
  };
}

export type CycleRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createCyclesRepository>['findById']>>>;
