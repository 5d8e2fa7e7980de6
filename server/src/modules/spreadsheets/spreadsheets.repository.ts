import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { selectItems } from '../budget/line-item.repository';

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
      let query = selectItems(db)
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
