import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database, LineItemUpdate, NewLineItemRow } from '@ikt/db/database';
import type { ReviewStatus, Role } from '@ikt/shared/domain';
import type { ProposalReasonCode } from '@ikt/shared/stage.schema';
import { countedLastYear } from './counted-last-year';

const ITEM_COLUMNS = [
  'li.id',
  'li.sub_programme_id',
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
  'li.carried_from_id',
  'li.version',
  'li.created_at',
  'li.updated_at',
  'li.proposal_reason_code',
  'li.proposal_comment',
] as const;

/** An item with its amounts (text, exact), goal codes and beneficiaries (by institution code), in one round trip. */
export function selectItems(db: Kysely<Database>) {
  return db
    .selectFrom('line_item as li')
    .select(ITEM_COLUMNS)
    .select([
      sql<Record<string, string>>`coalesce((
        SELECT jsonb_object_agg(a.fiscal_year::text, a.amount::text)
          FROM line_item_amount a WHERE a.line_item_id = li.id), '{}'::jsonb)`.as('amounts'),
      sql<Record<'proposal' | 'adopted' | 'current', Record<string, string> | null>>`(
        SELECT jsonb_build_object(
                 'proposal', jsonb_object_agg(s.fiscal_year::text, s.proposal::text) FILTER (WHERE s.proposal IS NOT NULL),
                 'adopted', jsonb_object_agg(s.fiscal_year::text, s.adopted::text) FILTER (WHERE s.adopted IS NOT NULL),
                 'current', jsonb_object_agg(s.fiscal_year::text, s."current"::text) FILTER (WHERE s."current" IS NOT NULL))
          FROM line_item_stage s WHERE s.line_item_id = li.id)`.as('stages'),
      sql<string[]>`coalesce((
        SELECT array_agg(g.goal_code ORDER BY g.goal_code)
          FROM line_item_goal g WHERE g.line_item_id = li.id), '{}')`.as('goal_codes'),
      sql<{ institutionCode: string; share: string }[]>`coalesce((
        SELECT jsonb_agg(jsonb_build_object('institutionCode', i.code, 'share', b.share::text) ORDER BY i.code)
          FROM line_item_beneficiary b JOIN institution i ON i.id = b.institution_id
         WHERE b.line_item_id = li.id), '[]'::jsonb)`.as('beneficiaries'),
    ]);
}

/**
 * Last year's approved figure of an item: what the consolidation counts as "last year"
 * (`countedLastYear`) for the base-cycle item this one was carried from — "0.00" when that item
 * was cut or had no amount in that year — and null when the item continues no item of its
 * cycle's base cycle. Over the items as the derived table `item`; a few primary-key lookups per
 * row, in the same statement.
 */
const PREVIOUS_YEAR = sql<string | null>`(
  SELECT coalesce(sum(a.amount) FILTER (WHERE ${countedLastYear({ id: sql`base.id`, year: sql`base.year` })}),
                  0.00)::text
    FROM sub_programme item_sp
    JOIN budget_cycle c ON c.id = item_sp.cycle_id
    JOIN budget_cycle base ON base.id = c.base_cycle_id
    JOIN line_item li ON li.id = item.carried_from_id
    JOIN sub_programme sp ON sp.id = li.sub_programme_id AND sp.cycle_id = base.id
    LEFT JOIN line_item_amount a ON a.line_item_id = li.id AND a.fiscal_year = base.year
   WHERE item_sp.id = item.sub_programme_id
   GROUP BY li.id)`;

/** The items a query selects (at least selectItems' columns), each with last year's figure. */
function withPreviousYear<
  DB,
  TB extends keyof DB,
  O extends { carried_from_id: number | null; sub_programme_id: number },
>(db: Kysely<Database>, items: SelectQueryBuilder<DB, TB, O>) {
  return db.selectFrom(items.as('item')).selectAll('item').select(PREVIOUS_YEAR.as('previous_year'));
}

/** Where an item sits: its sub-programme's owner, kind and status, its cycle's status and year. */
const SCOPE_COLUMNS = [
  'sp.institution_id',
  'sp.kind',
  'sp.status as sub_programme_status',
  'c.status as cycle_status',
  'c.year as cycle_year',
  'c.id as cycle_id',
] as const;

/** A beneficiary as written: the institution by code, its share in per cent (decimal string). */
export interface BeneficiaryShare {
  institutionCode: string;
  share: string;
}

/** A new item's row, amounts (fiscal year, decimal string), goal codes and beneficiaries. */
export interface NewLineItem {
  row: NewLineItemRow;
  amounts: [number, string][];
  goalCodes: string[];
  beneficiaries: BeneficiaryShare[];
}

/**
 * Rows per statement, well under PostgreSQL's 65 535 bind parameters: amounts and goals have
 * three columns or fewer, items about twenty.
 */
const CHUNK_ROWS = 5000;
const ITEM_CHUNK_ROWS = 1000;

function chunksOf<T>(rows: T[], size = CHUNK_ROWS): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < rows.length; at += size) chunks.push(rows.slice(at, at + size));
  return chunks;
}

export function createLineItemRepository(db: Kysely<Database>) {
  /** Items joined to their sub-programme (sp) and cycle (c), for SCOPE_COLUMNS. */
  const itemsInScope = () =>
    db
      .selectFrom('line_item as li')
      .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
      .innerJoin('budget_cycle as c', 'c.id', 'sp.cycle_id');

  /** The rows of items' beneficiaries, institution codes turned into ids (the service checked the codes). */
  async function beneficiaryRows(lists: { lineItemId: number; beneficiaries: BeneficiaryShare[] }[]) {
    const codes = [...new Set(lists.flatMap((list) => list.beneficiaries.map((b) => b.institutionCode)))];
    if (codes.length === 0) return [];
    const institutions = await db.selectFrom('institution').select(['id', 'code']).where('code', 'in', codes).execute();
    const idOf = new Map(institutions.map((institution) => [institution.code, institution.id]));
    return lists.flatMap(({ lineItemId, beneficiaries }) =>
      beneficiaries.map((b) => ({
        line_item_id: lineItemId,
        institution_id: idOf.get(b.institutionCode)!,
        share: b.share,
      })),
    );
  }

  /** Sets one figure per fiscal year of an item (a request's amount, a proposal), years not named untouched. */
  async function upsertYears(
    table: 'line_item_amount' | 'line_item_stage',
    column: 'amount' | 'proposal',
    id: number,
    amounts: [number, string][],
  ): Promise<void> {
    if (amounts.length === 0) return;
    await sql`
      INSERT INTO ${sql.table(table)} (line_item_id, fiscal_year, ${sql.ref(column)})
      SELECT ${id}, given.fiscal_year, given.figure
        FROM unnest(${amounts.map(([year]) => year)}::integer[], ${amounts.map(([, amount]) => amount)}::numeric[])
             AS given(fiscal_year, figure)
      ON CONFLICT (line_item_id, fiscal_year) DO UPDATE SET ${sql.ref(column)} = ${sql.ref(`excluded.${column}`)}`.execute(
      db,
    );
  }

  return {
    listBySubProgramme(subProgrammeId: number) {
      return withPreviousYear(db, selectItems(db).where('li.sub_programme_id', '=', subProgrammeId))
        .orderBy('item.rank')
        .orderBy('item.id')
        .execute();
    },

    findById(id: number) {
      return withPreviousYear(db, selectItems(db).where('li.id', '=', id)).executeTakeFirst();
    },

    /** The item (as findById) and where it sits (as scopeOf), in one round trip. */
    findWithScope(id: number) {
      return withPreviousYear(
        db,
        selectItems(db)
          .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
          .innerJoin('budget_cycle as c', 'c.id', 'sp.cycle_id')
          .select(SCOPE_COLUMNS)
          .where('li.id', '=', id),
      ).executeTakeFirst();
    },

    /**
     * Locks the item row for a read-modify-write (concurrent edits of it queue here) and its
     * sub-programme's row shared (so a submit cannot slip between the checks and the write), and
     * answers the item's version and scope as they are under those locks: one round trip.
     */
    lockForEdit(id: number) {
      return itemsInScope()
        .select(['li.version', 'li.sub_programme_id', ...SCOPE_COLUMNS])
        .where('li.id', '=', id)
        .forUpdate('li')
        .forShare('sp')
        .executeTakeFirst();
    },

    /** Locks the item row for a read-modify-write; concurrent edits queue here. */
    async lock(id: number): Promise<{ version: number; sub_programme_id: number } | undefined> {
      return db
        .selectFrom('line_item')
        .select(['version', 'sub_programme_id'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
    },

    /** Where an item sits (SCOPE_COLUMNS). */
    scopeOf(id: number) {
      return itemsInScope()
        .select(['li.sub_programme_id', ...SCOPE_COLUMNS])
        .where('li.id', '=', id)
        .executeTakeFirst();
    },

    async nextRank(subProgrammeId: number): Promise<number> {
      const row = await db
        .selectFrom('line_item')
        .select(sql<number>`coalesce(max(rank), 0) + 1`.as('next'))
        .where('sub_programme_id', '=', subProgrammeId)
        .executeTakeFirstOrThrow();
      return Number(row.next);
    },

    /**
     * New items with their amounts and goals in a few statements (a pasted batch of a thousand
     * would otherwise take thousands of round trips). Answers the ids in the order given.
     */
    async insertMany(items: NewLineItem[]): Promise<number[]> {
      // One INSERT … VALUES draws its identities in the order of its rows, so ascending ids are
      // that order; a later statement's ids are greater still.
      const ids: number[] = [];
      for (const chunk of chunksOf(items, ITEM_CHUNK_ROWS)) {
        const inserted = await db
          .insertInto('line_item')
          .values(chunk.map((item) => item.row))
          .returning('id')
          .execute();
        ids.push(...inserted.map((row) => row.id).sort((a, b) => a - b));
      }
      const amounts = items.flatMap((item, index) =>
        item.amounts.map(([fiscal_year, amount]) => ({ line_item_id: ids[index]!, fiscal_year, amount })),
      );
      const goals = items.flatMap((item, index) =>
        item.goalCodes.map((goal_code) => ({ line_item_id: ids[index]!, goal_code })),
      );
      for (const chunk of chunksOf(amounts)) await db.insertInto('line_item_amount').values(chunk).execute();
      for (const chunk of chunksOf(goals)) await db.insertInto('line_item_goal').values(chunk).execute();
      const beneficiaries = await beneficiaryRows(
        items.map((item, index) => ({ lineItemId: ids[index]!, beneficiaries: item.beneficiaries })),
      );
      for (const chunk of chunksOf(beneficiaries)) {
        await db.insertInto('line_item_beneficiary').values(chunk).execute();
      }
      return ids;
    },

    /** Items by id, in the order of the ids given. */
    async findByIds(ids: number[]) {
      if (ids.length === 0) return [];
      const rows = await withPreviousYear(db, selectItems(db).where('li.id', 'in', ids)).execute();
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    async update(id: number, changes: LineItemUpdate): Promise<void> {
      await db
        .updateTable('line_item')
        .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', id)
        .execute();
    },

    async delete(id: number): Promise<void> {
      await db.deleteFrom('line_item').where('id', '=', id).execute();
    },

    /** Sets the years named; a year set to zero keeps its row (an explicit 0 is still an answer). */
    async upsertAmounts(id: number, amounts: [number, string][]): Promise<void> {
      await upsertYears('line_item_amount', 'amount', id, amounts);
    },

    /** ITC's proposal: the amounts of every year given, with its reason; the request stays as it is. */
    async setProposal(
      id: number,
      amounts: [number, string][],
      reason: { reasonCode: ProposalReasonCode; comment: string },
    ): Promise<void> {
      await upsertYears('line_item_stage', 'proposal', id, amounts);
      await db
        .updateTable('line_item')
        .set({ proposal_reason_code: reason.reasonCode, proposal_comment: reason.comment })
        .where('id', '=', id)
        .execute();
    },

    async replaceGoals(id: number, goalCodes: string[]): Promise<void> {
      await db.deleteFrom('line_item_goal').where('line_item_id', '=', id).execute();
      if (goalCodes.length > 0) {
        await db
          .insertInto('line_item_goal')
          .values(goalCodes.map((goal_code) => ({ line_item_id: id, goal_code })))
          .execute();
      }
    },

    /** The item's beneficiaries become exactly these (none: it names none). */
    async replaceBeneficiaries(id: number, beneficiaries: BeneficiaryShare[]): Promise<void> {
      await db.deleteFrom('line_item_beneficiary').where('line_item_id', '=', id).execute();
      const rows = await beneficiaryRows([{ lineItemId: id, beneficiaries }]);
      if (rows.length > 0) await db.insertInto('line_item_beneficiary').values(rows).execute();
    },

    /** Moves every item of a sub-programme in one of `from` to `to` (submit, accept). */
    async setReviewStatusWhere(subProgrammeId: number, from: ReviewStatus[], to: ReviewStatus): Promise<number[]> {
      const rows = await db
        .updateTable('line_item')
        .set({ review_status: to, version: sql`version + 1`, updated_at: sql`now()` })
        .where('sub_programme_id', '=', subProgrammeId)
        .where('review_status', 'in', from)
        .returning('id')
        .execute();
      return rows.map((r) => r.id);
    },

    /** Which of the given codes exist and may be used, per kind of reference. */
    async knownCodes(codes: {
      ekk?: string;
      service?: string | null;
      system?: string | null;
      direction?: string | null;
      goals?: string[];
      institutions?: string[];
    }) {
      const [ekk, service, system, direction, goals, institutions] = await Promise.all([
        codes.ekk
          ? db
              .selectFrom('ekk_code')
              .select(['code', 'selectable', 'retired_at'])
              .where('code', '=', codes.ekk)
              .executeTakeFirst()
          : undefined,
        codes.service
          ? db.selectFrom('ict_service').select(['code', 'active']).where('code', '=', codes.service).executeTakeFirst()
          : undefined,
        codes.system
          ? db
              .selectFrom('information_system')
              .select(['code', 'active'])
              .where('code', '=', codes.system)
              .executeTakeFirst()
          : undefined,
        codes.direction
          ? db.selectFrom('action_direction').select('code').where('code', '=', codes.direction).executeTakeFirst()
          : undefined,
        codes.goals && codes.goals.length > 0
          ? db.selectFrom('goal').select('code').where('code', 'in', codes.goals).execute()
          : [],
        codes.institutions && codes.institutions.length > 0
          ? db
              .selectFrom('institution')
              .select('code')
              .where('code', 'in', codes.institutions)
              .where('active', '=', true)
              .execute()
          : [],
      ]);
      return {
        ekk,
        service,
        system,
        direction,
        goals: new Set(goals.map((g) => g.code)),
        institutions: new Set(institutions.map((i) => i.code)),
      };
    },

    async insertComment(comment: {
      lineItemId: number | null;
      subProgrammeId: number | null;
      authorId: number;
      kind: 'comment' | 'return' | 'accept';
      body: string;
    }): Promise<number> {
      const row = await db
        .insertInto('review_comment')
        .values({
          line_item_id: comment.lineItemId,
          sub_programme_id: comment.subProgrammeId,
          author_id: comment.authorId,
          kind: comment.kind,
          body: comment.body,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /**
     * Comments, oldest first: on one item, on a sub-programme as a whole, or (`itemsOf`) on every
     * item of a sub-programme.
     */
    listComments(where: { lineItemId: number } | { subProgrammeId: number } | { itemsOf: number }) {
      let query = db
        .selectFrom('review_comment as rc')
        .leftJoin('app_user as u', 'u.id', 'rc.author_id')
        .select([
          'rc.id',
          'rc.line_item_id',
          'rc.sub_programme_id',
          'rc.kind',
          'rc.body',
          'rc.author_id',
          'u.name as author_name',
          'rc.created_at',
        ])
        .orderBy('rc.id');
      if ('lineItemId' in where) query = query.where('rc.line_item_id', '=', where.lineItemId);
      else if ('subProgrammeId' in where) query = query.where('rc.sub_programme_id', '=', where.subProgrammeId);
      else {
        query = query.where('rc.line_item_id', 'in', (sub) =>
          sub.selectFrom('line_item').select('id').where('sub_programme_id', '=', where.itemsOf),
        );
      }
      return query.execute();
    },

    /** Whether anyone of `role` commented on the sub-programme or one of its items after `since`. */
    async hasCommentsBySince(subProgrammeId: number, role: Role, since: Date): Promise<boolean> {
      const row = await db
        .selectFrom('review_comment as rc')
        .innerJoin('app_user as u', 'u.id', 'rc.author_id')
        .select('rc.id')
        .where('u.role', '=', role)
        .where('rc.created_at', '>', since)
        .where((eb) =>
          eb.or([
            eb('rc.sub_programme_id', '=', subProgrammeId),
            eb(
              'rc.line_item_id',
              'in',
              eb.selectFrom('line_item').select('id').where('sub_programme_id', '=', subProgrammeId),
            ),
          ]),
        )
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type LineItemRepository = ReturnType<typeof createLineItemRepository>;
export type LineItemRecord = NonNullable<Awaited<ReturnType<LineItemRepository['findById']>>>;
