import { sql, type RawBuilder } from 'kysely';

/**
 * What a cycle's year counts, the one rule for every figure of it: the cycle's items that were not
 * cut (a cut item counts zero in every total), at their amount in that fiscal year. A condition
 * over line_item `li`, its sub_programme `sp` and line_item_amount `a`; the cycle's id and the
 * year are values or SQL expressions (such as `base.id` of a joined budget_cycle).
 */
export function countedIn(cycle: {
  id: number | RawBuilder<number>;
  year: number | RawBuilder<number>;
}): RawBuilder<unknown> {
  return sql`sp.cycle_id = ${cycle.id} AND li.review_status <> 'cut' AND a.fiscal_year = ${cycle.year}`;
}

/**
 * What "last year" counts: the base cycle's counted items at their amount in the base cycle's own
 * first fiscal year. The consolidation, an item's own "last year" figure and the full cost's
 * previous year all use it.
 */
export function countedLastYear(base: {
  id: number | RawBuilder<number>;
  year: number | RawBuilder<number>;
}): RawBuilder<unknown> {
  return countedIn(base);
}
