import { sql, type Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { countedIn } from '../budget/counted-last-year';

/** One institution's own total (its institution sub-programmes, cut items counting zero). */
export interface OwnTotal {
  institution_id: number;
  total: string;
}

/** The central sub-programme's items that name no beneficiaries, summed per service ('' for none). */
export interface ServiceCost {
  service_code: string;
  total: string;
}

/** A central item that names beneficiary institutions, with its amount and their shares (per cent). */
export interface DirectItem {
  line_item_id: number;
  service_code: string;
  amount: string;
  beneficiaries: { institution_id: number; share: string }[];
}

export interface Driver {
  service_code: string;
  unit_lv: string;
  unit_en: string;
}

export interface Consumption {
  service_code: string;
  institution_id: number;
  quantity: string;
}

/** Everything the full cost of one cycle's fiscal year is computed from, read in one snapshot. */
export interface AllocationFigures {
  own: OwnTotal[];
  serviceCosts: ServiceCost[];
  directItems: DirectItem[];
  drivers: Driver[];
  consumption: Consumption[];
}

export function createFullCostRepository(db: Kysely<Database>) {
  const repository = {
    /** What the full cost of `fiscalYear` in the cycle is computed from; the caller holds one snapshot. */
    async figures(cycleId: number, fiscalYear: number): Promise<AllocationFigures> {
      const counted = countedIn({ id: cycleId, year: fiscalYear });
      const { rows: own } = await sql<OwnTotal>`
        SELECT sp.institution_id, sum(a.amount)::text AS total
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id
         WHERE ${counted} AND sp.kind = 'institution'
         GROUP BY 1`.execute(db);
      const { rows: serviceCosts } = await sql<ServiceCost>`
        SELECT coalesce(li.ict_service_code, '') AS service_code, sum(a.amount)::text AS total
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id
         WHERE ${counted} AND sp.kind = 'central'
           AND NOT EXISTS (SELECT 1 FROM line_item_beneficiary b WHERE b.line_item_id = li.id)
         GROUP BY 1`.execute(db);
      const { rows: directRows } = await sql<{
        line_item_id: number;
        service_code: string;
        amount: string;
        institution_id: number;
        share: string;
      }>`
        SELECT li.id AS line_item_id, coalesce(li.ict_service_code, '') AS service_code, a.amount::text AS amount,
               b.institution_id, b.share::text AS share
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id
          JOIN line_item_beneficiary b ON b.line_item_id = li.id
         WHERE ${counted} AND sp.kind = 'central'
         ORDER BY li.id, b.institution_id`.execute(db);
      const directItems = new Map<number, DirectItem>();
      for (const row of directRows) {
        const item = directItems.get(row.line_item_id) ?? {
          line_item_id: row.line_item_id,
          service_code: row.service_code,
          amount: row.amount,
          beneficiaries: [],
        };
        item.beneficiaries.push({ institution_id: row.institution_id, share: row.share });
        directItems.set(row.line_item_id, item);
      }
      return {
        own,
        serviceCosts,
        directItems: [...directItems.values()],
        drivers: await repository.drivers(cycleId),
        consumption: await db
          .selectFrom('service_consumption')
          .select(['service_code', 'institution_id', sql<string>`quantity::text`.as('quantity')])
          .where('cycle_id', '=', cycleId)
          .where('fiscal_year', '=', fiscalYear)
          .execute(),
      };
    },

    /** One institution's own counted items of a year, with their amounts, by sub-programme and rank. */
    async ownItems(cycleId: number, fiscalYear: number, institutionId: number) {
      const { rows } = await sql<{
        lineItemId: number;
        subProgrammeCode: string;
        title: string;
        ekkCode: string;
        ictServiceCode: string | null;
        amount: string;
      }>`
        SELECT li.id AS "lineItemId", sp.code AS "subProgrammeCode", li.title, li.ekk_code AS "ekkCode",
               li.ict_service_code AS "ictServiceCode", a.amount::text AS amount
          FROM line_item li
          JOIN sub_programme sp ON sp.id = li.sub_programme_id
          JOIN line_item_amount a ON a.line_item_id = li.id
         WHERE ${countedIn({ id: cycleId, year: fiscalYear })} AND sp.kind = 'institution'
           AND sp.institution_id = ${institutionId}
         ORDER BY sp.code, li.rank, li.id`.execute(db);
      return rows;
    },

    drivers(cycleId: number): Promise<Driver[]> {
      return db
        .selectFrom('service_driver')
        .select(['service_code', 'unit_lv', 'unit_en'])
        .where('cycle_id', '=', cycleId)
        .orderBy('service_code')
        .execute();
    },

    services() {
      return db
        .selectFrom('ict_service')
        .select(['code', 'name_lv', 'name_en', 'active', 'tbm_tower_code'])
        .orderBy('code')
        .execute();
    },

    institutions() {
      return db.selectFrom('institution').select(['id', 'code', 'name_lv', 'name_en']).execute();
    },

    /** The cycle's consumption rows, with institution codes, of one fiscal year or all; one institution's or all. */
    consumptionRows(cycleId: number, filter: { fiscalYear?: number | undefined; institutionId?: number | undefined }) {
      let query = db
        .selectFrom('service_consumption as c')
        .innerJoin('institution as i', 'i.id', 'c.institution_id')
        .select([
          'c.service_code as serviceCode',
          'i.code as institutionCode',
          'c.fiscal_year as fiscalYear',
          sql<string>`c.quantity::text`.as('quantity'),
        ])
        .where('c.cycle_id', '=', cycleId);
      if (filter.fiscalYear !== undefined) query = query.where('c.fiscal_year', '=', filter.fiscalYear);
      if (filter.institutionId !== undefined) query = query.where('c.institution_id', '=', filter.institutionId);
      return query.orderBy('c.fiscal_year').orderBy('c.service_code').orderBy('i.code').execute();
    },

    async allocationVersion(cycleId: number): Promise<number | undefined> {
      const row = await db
        .selectFrom('budget_cycle')
        .select('allocation_version')
        .where('id', '=', cycleId)
        .executeTakeFirst();
      return row?.allocation_version;
    },

    /** Locks the cycle's row for the caller's transaction and answers its allocation version. */
    async lockAllocationVersion(cycleId: number): Promise<number> {
      const row = await db
        .selectFrom('budget_cycle')
        .select('allocation_version')
        .where('id', '=', cycleId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      return row.allocation_version;
    },

    async bumpAllocationVersion(cycleId: number): Promise<number> {
      const row = await db
        .updateTable('budget_cycle')
        .set((eb) => ({ allocation_version: eb('allocation_version', '+', 1) }))
        .where('id', '=', cycleId)
        .returning('allocation_version')
        .executeTakeFirstOrThrow();
      return row.allocation_version;
    },

    async replaceDrivers(cycleId: number, drivers: Driver[]): Promise<void> {
      await db.deleteFrom('service_driver').where('cycle_id', '=', cycleId).execute();
      if (drivers.length > 0) {
        await db
          .insertInto('service_driver')
          .values(drivers.map((d) => ({ cycle_id: cycleId, ...d })))
          .execute();
      }
    },

    /** Replaces the cycle's consumption of the given services by the rows. */
    async replaceConsumption(
      cycleId: number,
      serviceCodes: string[],
      rows: { service_code: string; institution_id: number; fiscal_year: number; quantity: string }[],
    ): Promise<void> {
      if (serviceCodes.length === 0) return;
      await db
        .deleteFrom('service_consumption')
        .where('cycle_id', '=', cycleId)
        .where('service_code', 'in', serviceCodes)
        .execute();
      // In slices: a city's whole year of quantities stays under the driver's parameter limit.
      for (let start = 0; start < rows.length; start += 5000) {
        await db
          .insertInto('service_consumption')
          .values(rows.slice(start, start + 5000).map((r) => ({ cycle_id: cycleId, ...r })))
          .execute();
      }
    },
  };
  return repository;
}

export type FullCostRepository = ReturnType<typeof createFullCostRepository>;
