import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@ikt/db/database';
import { fiscalYearsOf } from '@ikt/shared/domain';
import type { CostNature, Priority } from '@ikt/shared/domain';
import { readSeedCsv } from './csv';

/**
 * The demo data set (never for a real database unless asked for): last year's approved cycle and
 * this year's open cycle, built from seeds/data/demo_line_items.csv. The amounts and texts are
 * invented; the institutions, systems, goals and laws are real.
 */
export const DEMO_PREVIOUS_YEAR = 2026;
export const DEMO_CURRENT_YEAR = 2027;

interface DemoRow {
  institution_code: string;
  sub_programme_code: string;
  sub_programme_name_lv: string;
  title_lv: string;
  ekk_code: string;
  cost_nature: CostNature;
  ict_service_code: string;
  information_system_code: string;
  goal_codes: string;
  action_direction_code: string;
  priority: Priority;
  rank: string;
  previous_approved: string;
  amount_n: string;
  amount_n1: string;
  amount_n2: string;
  business_need: string;
  legal_basis: string;
  impact_if_cut: string;
  calculation_basis: string;
}

/** Seeds the demo cycles unless any cycle exists already; answers whether it did. */
export async function seedDemoData(db: Kysely<Database>): Promise<boolean> {
  const rows = (await readSeedCsv('demo_line_items.csv')) as unknown as DemoRow[];
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('budget_cycle').select('id').limit(1).executeTakeFirst();
    if (existing) return false;

    const institutions = await trx.selectFrom('institution').select(['id', 'code', 'is_itc']).execute();
    const institutionId = new Map(institutions.map((i) => [i.code, i.id]));

    const previous = await trx
      .insertInto('budget_cycle')
      .values({
        year: DEMO_PREVIOUS_YEAR,
        title: `IKT budžets ${DEMO_PREVIOUS_YEAR}–${DEMO_PREVIOUS_YEAR + 2}`,
        submission_deadline: `${DEMO_PREVIOUS_YEAR - 1}-12-19`,
        status: 'approved',
        municipal_budget_total: '1512000000.00',
        ict_users: 9400,
        computers: 8100,
        it_staff: 94,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const current = await trx
      .insertInto('budget_cycle')
      .values({
        year: DEMO_CURRENT_YEAR,
        title: `IKT budžets ${DEMO_CURRENT_YEAR}–${DEMO_CURRENT_YEAR + 2}`,
        submission_deadline: `${DEMO_CURRENT_YEAR - 1}-12-18`,
        base_cycle_id: previous.id,
        status: 'open',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // Last year's cycle holds the items that had an approved figure; its later years carry the
    // medium-term plan of that time.
    const carriedFrom = new Map<DemoRow, number>();
    const previousSubProgrammes = await createSubProgrammes(trx, previous.id, rows, institutionId, 'accepted');
    for (const row of rows.filter((r) => r.previous_approved !== '0.00')) {
      const id = await insertItem(trx, previousSubProgrammes.get(row.sub_programme_code)!, row, 'accepted', null, [
        [DEMO_PREVIOUS_YEAR, row.previous_approved],
        [DEMO_PREVIOUS_YEAR + 1, row.amount_n],
        [DEMO_PREVIOUS_YEAR + 2, row.amount_n1],
      ]);
      carriedFrom.set(row, id);
    }

    const currentSubProgrammes = await createSubProgrammes(trx, current.id, rows, institutionId, 'draft');
    const [n, n1, n2] = fiscalYearsOf(DEMO_CURRENT_YEAR) as [number, number, number];
    for (const row of rows) {
      await insertItem(
        trx,
        currentSubProgrammes.get(row.sub_programme_code)!,
        row,
        'draft',
        carriedFrom.get(row) ?? null,
        [
          [n, row.amount_n],
          [n1, row.amount_n1],
          [n2, row.amount_n2],
        ],
      );
    }
    for (const cycle of [
      { id: previous.id, year: DEMO_PREVIOUS_YEAR },
      { id: current.id, year: DEMO_CURRENT_YEAR },
    ]) {
      await insertDemoAllocationBasis(trx, cycle, institutionId);
    }
    return true;
  });
}

/**
 * The demo cycles' service drivers (the reference units of seeds/data/service_tbm.csv) and each
 * institution's consumption (invented quantities, the same in every fiscal year; workstations and
 * users add up to the demo cycle's M6 figures), so the full cost has something to allocate.
 */
async function insertDemoAllocationBasis(
  trx: Transaction<Database>,
  cycle: { id: number; year: number },
  institutionId: Map<string, number>,
): Promise<void> {
  const [drivers, consumption] = await Promise.all([
    readSeedCsv('service_tbm.csv'),
    readSeedCsv('demo_service_consumption.csv'),
  ]);
  await trx
    .insertInto('service_driver')
    .values(
      drivers.map((r) => ({
        cycle_id: cycle.id,
        service_code: r.service_code!,
        unit_lv: r.driver_unit_lv!,
        unit_en: r.driver_unit_en!,
      })),
    )
    .execute();
  await trx
    .insertInto('service_consumption')
    .values(
      fiscalYearsOf(cycle.year).flatMap((fiscal_year) =>
        consumption.map((r) => ({
          cycle_id: cycle.id,
          service_code: r.service_code!,
          institution_id: institutionId.get(r.institution_code!)!,
          fiscal_year,
          quantity: r.quantity!,
        })),
      ),
    )
    .execute();
}

async function createSubProgrammes(
  trx: Transaction<Database>,
  cycleId: number,
  rows: DemoRow[],
  institutionId: Map<string, number>,
  status: 'draft' | 'accepted',
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const row of rows) {
    if (ids.has(row.sub_programme_code)) continue;
    const owner = institutionId.get(row.institution_code);
    if (owner === undefined) throw new Error(`demo data names unknown institution ${row.institution_code}`);
    const created = await trx
      .insertInto('sub_programme')
      .values({
        cycle_id: cycleId,
        code: row.sub_programme_code,
        name: row.sub_programme_name_lv,
        kind: row.institution_code === 'ITC' ? 'central' : 'institution',
        institution_id: owner,
        status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(row.sub_programme_code, created.id);
  }
  return ids;
}

async function insertItem(
  trx: Transaction<Database>,
  subProgrammeId: number,
  row: DemoRow,
  reviewStatus: 'draft' | 'accepted',
  carriedFromId: number | null,
  amounts: [number, string][],
): Promise<number> {
  const item = await trx
    .insertInto('line_item')
    .values({
      sub_programme_id: subProgrammeId,
      title: row.title_lv,
      ekk_code: row.ekk_code,
      cost_nature: row.cost_nature,
      ict_service_code: row.ict_service_code || null,
      information_system_code: row.information_system_code || null,
      action_direction_code: row.action_direction_code || null,
      priority: row.priority,
      rank: Number.parseInt(row.rank, 10),
      business_need: row.business_need,
      legal_basis: row.legal_basis,
      impact_if_cut: row.impact_if_cut,
      calculation_basis: row.calculation_basis,
      review_status: reviewStatus,
      carried_from_id: carriedFromId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goals = row.goal_codes.split(';').filter(Boolean);
  if (goals.length > 0) {
    await trx
      .insertInto('line_item_goal')
      .values(goals.map((goal_code) => ({ line_item_id: item.id, goal_code })))
      .execute();
  }
  await trx
    .insertInto('line_item_amount')
    .values(amounts.map(([fiscal_year, amount]) => ({ line_item_id: item.id, fiscal_year, amount })))
    .execute();
  return item.id;
}
