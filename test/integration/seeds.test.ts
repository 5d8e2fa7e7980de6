import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '@ikt/db/create-db';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import { readSeedCsv } from '@ikt/seeds/csv';
import { DEMO_CURRENT_YEAR, DEMO_PREVIOUS_YEAR, seedDemoData } from '@ikt/seeds/demo.seed';
import { seedReferenceData } from '@ikt/seeds/reference.seed';
import { createTestDatabase } from '../helpers/database';

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function yearTotal(cycleYear: number, fiscalYear: number): Promise<string> {
  const row = await handle.db
    .selectFrom('line_item_amount as a')
    .innerJoin('line_item as li', 'li.id', 'a.line_item_id')
    .innerJoin('sub_programme as sp', 'sp.id', 'li.sub_programme_id')
    .innerJoin('budget_cycle as c', 'c.id', 'sp.cycle_id')
    .where('c.year', '=', cycleYear)
    .where('a.fiscal_year', '=', fiscalYear)
    .select((eb) => eb.fn.sum<string>('a.amount').as('total'))
    .executeTakeFirstOrThrow();
  return row.total;
}

describe('seeds', () => {
  it('reference data loads again without duplicates and keeps an admin’s edits', async () => {
    await handle.db.updateTable('ict_service').set({ name_lv: 'Pārdēvēts' }).where('code', '=', 'WS').execute();
    await seedReferenceData(handle.db);
    const services = await handle.db.selectFrom('ict_service').select(['code', 'name_lv']).execute();
    expect(services).toHaveLength(16);
    expect(services.find((s) => s.code === 'WS')!.name_lv).toBe('Pārdēvēts');
  });

  it('demo data builds last year’s approved cycle and this year’s open one, to the cent', async () => {
    expect(await seedDemoData(handle.db)).toBe(true);
    const rows = await readSeedCsv('demo_line_items.csv');

    const cycles = await handle.db
      .selectFrom('budget_cycle')
      .select(['year', 'status', 'base_cycle_id', 'id'])
      .orderBy('year')
      .execute();
    expect(cycles.map((c) => [c.year, c.status])).toEqual([
      [DEMO_PREVIOUS_YEAR, 'approved'],
      [DEMO_CURRENT_YEAR, 'open'],
    ]);
    expect(cycles[1]!.base_cycle_id).toBe(cycles[0]!.id);

    expect(await yearTotal(DEMO_PREVIOUS_YEAR, DEMO_PREVIOUS_YEAR)).toBe(
      toMoneyString(sumMoney(rows.map((r) => r.previous_approved!))),
    );
    expect(await yearTotal(DEMO_CURRENT_YEAR, DEMO_CURRENT_YEAR)).toBe(
      toMoneyString(sumMoney(rows.map((r) => r.amount_n!))),
    );
    expect(await yearTotal(DEMO_CURRENT_YEAR, DEMO_CURRENT_YEAR + 2)).toBe(
      toMoneyString(sumMoney(rows.map((r) => r.amount_n2!))),
    );

    // Every institution plans in the current cycle; exactly one central sub-programme, ITC's.
    const subProgrammes = await handle.db
      .selectFrom('sub_programme as sp')
      .innerJoin('institution as i', 'i.id', 'sp.institution_id')
      .where('sp.cycle_id', '=', cycles[1]!.id)
      .select(['sp.kind', 'i.code'])
      .execute();
    expect(new Set(subProgrammes.map((s) => s.code)).size).toBe(12);
    expect(subProgrammes.filter((s) => s.kind === 'central')).toEqual([{ kind: 'central', code: 'ITC' }]);

    // Items that existed last year continue from last year's item.
    const carried = await handle.db
      .selectFrom('line_item')
      .where('carried_from_id', 'is not', null)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(carried.n)).toBe(rows.filter((r) => r.previous_approved !== '0.00').length);
  });

  it('demo data is not loaded twice', async () => {
    expect(await seedDemoData(handle.db)).toBe(false);
    const cycles = await handle.db.selectFrom('budget_cycle').select('id').execute();
    expect(cycles).toHaveLength(2);
  });
});
