import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';

/** Where the previous page ended: items come by rank, then id (the sub-programme index). */
export interface PageCursor {
  rank: number;
  id: number;
}

/**
 * Reads a sub-programme's items a page at a time (keyset, never OFFSET), so a workbook of
 * 100,000 items is written without holding them all: memory stays flat.
 */
export function createSpreadsheetsRepository(db: Kysely<Database>) {
  return {
    async itemPage(subProgrammeId: number, after: PageCursor | null, limit: number, options: { withCut: boolean }) {
      let query = db
        .selectFrom('line_item as li')
        .select([
          'li.id',
          'li.title',
          'li.description',
          'li.ekk_code',
          'li.cost_nature',
          'li.ict_service_code',
          'li.information_system_code',
          'li.action_direction_code',
          'li.priority',
          'li.rank',
          'li.quantity',
          'li.unit',
          'li.unit_price',
          'li.business_need',
          'li.legal_basis',
          'li.impact_if_cut',
          'li.calculation_basis',
          'li.review_status',
          'li.version',
          sql<Record<string, string>>`coalesce((
            SELECT jsonb_object_agg(a.fiscal_year::text, a.amount::text)
              FROM line_item_amount a WHERE a.line_item_id = li.id), '{}'::jsonb)`.as('amounts'),
          sql<string[]>`coalesce((
            SELECT array_agg(g.goal_code ORDER BY g.goal_code)
              FROM line_item_goal g WHERE g.line_item_id = li.id), '{}')`.as('goal_codes'),
        ])
        .where('li.sub_programme_id', '=', subProgrammeId)
        .orderBy('li.rank')
        .orderBy('li.id')
        .limit(limit);
      if (!options.withCut) query = query.where('li.review_status', '<>', 'cut');
      if (after) {
        query = query.where(({ eb, or, and }) =>
          or([eb('li.rank', '>', after.rank), and([eb('li.rank', '=', after.rank), eb('li.id', '>', after.id)])]),
        );
      }
      return query.execute();
    },
  };
}

export type SpreadsheetsRepository = ReturnType<typeof createSpreadsheetsRepository>;
export type ItemRecord = Awaited<ReturnType<SpreadsheetsRepository['itemPage']>>[number];

/** Every item of the given sub-programmes, in their order, page by page. */
export async function* itemsOf(
  repository: SpreadsheetsRepository,
  subProgrammeIds: readonly number[],
  options: { withCut: boolean; pageSize?: number },
): AsyncGenerator<{ subProgrammeId: number; items: ItemRecord[] }> {
  const pageSize = options.pageSize ?? 500;
  for (const subProgrammeId of subProgrammeIds) {
    let after: PageCursor | null = null;
    for (;;) {
      const items = await repository.itemPage(subProgrammeId, after, pageSize, options);
      if (items.length === 0) break;
      yield { subProgrammeId, items };
      if (items.length < pageSize) break;
      const last = items[items.length - 1]!;
      after = { rank: last.rank, id: last.id };
    }
  }
}
