import { sql, type Kysely } from 'kysely';

// A scenario stores sums over a fiscal year of the whole cycle, and NUMERIC(14,2) — the size of
// one amount — could not hold them: two items at the largest amount made computing a scenario
// fail with a numeric overflow (a 500). The columns are sized here for the largest sum possible:
//
// - One amount is at most 999 999 999 999.99 (< 10^12): line_item_amount.amount is NUMERIC(14,2),
//   and the API refuses more (MAX_AMOUNT in shared/src/money.ts).
// - A year's total has one term per item of the cycle, and no cycle has more than 2^31 − 1 items:
//   line_item.id is an INTEGER identity. So a total is below 2^31 × 10^12 ≈ 2.15 × 10^21,
//   22 integer digits: NUMERIC(24,2).
// - Every other sum is at most the year's total: max_reduction adds up a part of the year's items,
//   target_amount is refused above max_reduction (or is a percentage ≤ 100 of the total),
//   achieved adds up cuts of those items, and overshoot is part of achieved.
//
// Unchanged: target_value (what was asked: an amount the API bounds to NUMERIC(14,2), or a
// percentage) and scenario_cut's before/cut/after (one item's amount).

const SUM_COLUMNS = ['year_total_before', 'max_reduction', 'target_amount', 'achieved', 'overshoot'];

export async function up(db: Kysely<any>): Promise<void> {
  for (const column of SUM_COLUMNS) {
    await db.schema
      .alterTable('scenario')
      .alterColumn(column, (col) => col.setDataType(sql`numeric(24,2)`))
      .execute();
  }
}

// Back to NUMERIC(14,2): PostgreSQL refuses it (numeric overflow) while a scenario holds a sum
// that would not fit, rather than change a figure.
export async function down(db: Kysely<any>): Promise<void> {
  for (const column of SUM_COLUMNS) {
    await db.schema
      .alterTable('scenario')
      .alterColumn(column, (col) => col.setDataType(sql`numeric(14,2)`))
      .execute();
  }
}
