import { sql, type RawBuilder } from 'kysely';

/**
 * What "last year" counts, the one rule for every figure of it: the base cycle's items that were
 * not cut (a cut item counts zero in every total), at their amount in the base cycle's own first
 * fiscal year. A condition over line_item `li`, its sub_programme `sp` and line_item_amount `a`;
 * the base cycle's id and year are values or SQL expressions (such as `base.id` of a joined
 * budget_cycle). The consolidation and an item's own "last year" figure both use it.
 */
export function countedLastYear(base: {
  id: number | RawBuilder<number>;
  year: number | RawBuilder<number>;
}): RawBuilder<unknown> {
  return sql`sp.cycle_id = ${base.id} AND li.review_status <> 'cut' AND a.fiscal_year = ${base.year}`;
}
