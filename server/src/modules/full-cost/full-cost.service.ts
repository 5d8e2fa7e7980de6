import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { Cycle } from '@ikt/shared/cycle.schema';
import {
  DIRECT_DRIVER,
  type Bill,
  type FullCost,
  type FullCostQuery,
  type ServiceConsumption,
  type ServiceConsumptionRow,
  type ServiceDriverInput,
  type ServiceDrivers,
} from '@ikt/shared/full-cost.schema';
import type { Language } from '@ikt/shared/messages';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { readSnapshot } from '../../database-snapshot';
import {
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  cycleNotFound,
  type FieldProblem,
} from '../../errors';
import { ensureVersion, type ExpectedVersion } from '../../http/etag';
import { message } from '../../messages/message';
import { recordAudit } from '../audit/audit.service';
import type { CycleService } from '../cycles/cycles.service';
import { fiscalYearOf } from '../cycles/fiscal-year';
import { allocationOf, emptyRow, fullCostOf, type Reference } from './full-cost-rollup';
import { createFullCostRepository, type Driver } from './full-cost.repository';

export function createFullCostService(db: Kysely<Database>, cycles: CycleService) {
  const repository = createFullCostRepository(db);

  /** The institution a reader is limited to: a lead its own; undefined for those who see all. */
  function readerScope(context: RequestContext, cycle: Cycle): number | undefined {
    const institutionId = context.actor.role === 'institution_lead' ? (context.actor.institutionId ?? -1) : undefined;
    if (!can(context.actor, { action: 'fullCost.read', cycleStatus: cycle.status, institutionId })) {
      throw cycleNotFound();
    }
    return institutionId;
  }

  /** The cycle a change of drivers or consumption is made to, once the actor may make it. */
  async function changeable(context: RequestContext, cycleId: number): Promise<Cycle> {
    const cycle = await cycles.get(context, cycleId);
    if (!can(context.actor, { action: 'allocationBasis.manage' })) {
      throw new ForbiddenError(message('fullCost.notManager'));
    }
    return cycle;
  }

  /**
   * Runs a change of the allocation basis: the cycle row locked, If-Match against its allocation
   * version, a closed cycle refused, the change and its audit event in one transaction, the
   * version moved on.
   */
  async function changeBasis(
    context: RequestContext,
    cycle: Cycle,
    ifMatch: ExpectedVersion,
    change: (trx: Kysely<Database>) => Promise<{ action: string; after: unknown } | null>,
  ): Promise<void> {
    await db.transaction().execute(async (trx) => {
      const basis = createFullCostRepository(trx);
      ensureVersion(ifMatch, await basis.lockAllocationVersion(cycle.id));
      if (cycle.status === 'closed') throw new InvalidStateError(message('fullCost.cycleClosed'));
      const changed = await change(trx);
      // A dry run: every check made, nothing written, the version where it was.
      if (changed === null) return;
      const { action, after } = changed;
      await basis.bumpAllocationVersion(cycle.id);
      await recordAudit(trx, context, { action, entityType: 'budget_cycle', entityId: cycle.id, after });
    });
  }

  /** The full cost of a year as ITC sees it, read on `trx` (the caller's snapshot). */
  async function computeFullCost(
    trx: Kysely<Database>,
    cycle: Cycle,
    fiscalYear: number,
    stage: FullCostQuery['stage'],
    language: Language,
  ): Promise<{ answer: FullCost; reference: Reference }> {
    // Last year is the base cycle's own first year, beside the cycle's first fiscal year (the
    // rule of every "change against last year").
    const base =
      cycle.baseCycleId !== null && fiscalYear === cycle.fiscalYears[0] ? await cycles.find(cycle.baseCycleId) : null;
    const snapshot = createFullCostRepository(trx);
    const reference: Reference = { institutions: await snapshot.institutions(), services: await snapshot.services() };
    const current = allocationOf(await snapshot.figures(cycle.id, fiscalYear), reference);
    const previous = base ? allocationOf(await snapshot.figures(base.id, base.year), reference) : null;
    const drivers = await snapshot.drivers(cycle.id);
    const answer = fullCostOf(current, previous, reference, drivers, {
      cycleId: cycle.id,
      fiscalYear,
      stage,
      language,
    });
    return { answer, reference };
  }

  return {
    /** The cycle, once the actor may record its drivers and consumption (404, then 403). */
    manageable: changeable,

    async fullCost(
      context: RequestContext,
      cycleId: number,
      query: FullCostQuery,
      language: Language,
    ): Promise<FullCost> {
      const cycle = await cycles.get(context, cycleId);
      const scope = readerScope(context, cycle);
      const fiscalYear = fiscalYearOf(cycle, query.fiscalYear, 'querystring.fiscalYear');
      const { answer, reference } = await readSnapshot(db, (trx) =>
        computeFullCost(trx, cycle, fiscalYear, query.stage, language),
      );
      if (scope === undefined) return answer;

      // A lead: its own row, the price list without the city's cost and quantities, the medians.
      const ownCode = reference.institutions.find((i) => i.id === scope)?.code;
      return {
        ...answer,
        institutions: answer.institutions.filter((i) => i.institutionCode === ownCode),
        unallocated: [],
        priceList: answer.priceList.map((entry) => ({ ...entry, cost: null, quantity: null })),
        total: null,
      };
    },

    /** One institution's bill of IT: its row of the full cost, the services by name, its own items. */
    async bill(
      context: RequestContext,
      cycleId: number,
      institutionCode: string,
      query: FullCostQuery,
      language: Language,
    ): Promise<Bill> {
      const cycle = await cycles.get(context, cycleId);
      const scope = readerScope(context, cycle);
      const fiscalYear = fiscalYearOf(cycle, query.fiscalYear, 'querystring.fiscalYear');
      return readSnapshot(db, async (trx) => {
        const { answer, reference } = await computeFullCost(trx, cycle, fiscalYear, query.stage, language);
        const institution = reference.institutions.find((i) => i.code === institutionCode);
        // Another institution's bill is as missing as an unknown one.
        if (!institution || (scope !== undefined && scope !== institution.id)) {
          throw new NotFoundError(message('fullCost.billNotFound'));
        }
        const row =
          answer.institutions.find((i) => i.institutionCode === institutionCode) ?? emptyRow(institution, language);
        const prices = new Map(answer.priceList.map((p) => [p.serviceCode, p]));
        return {
          cycleId,
          fiscalYear,
          stage: query.stage,
          institution: row,
          services: row.byService.map((s) => {
            const price = prices.get(s.serviceCode);
            return {
              ...s,
              name: price?.name ?? s.serviceCode,
              unitLv: price?.unitLv ?? null,
              unitEn: price?.unitEn ?? null,
              previousUnitCost: price?.previousUnitCost ?? null,
            };
          }),
          ownItems: await createFullCostRepository(trx).ownItems(cycleId, fiscalYear, institution.id),
          medians: answer.medians,
        };
      });
    },

    async drivers(context: RequestContext, cycleId: number, language: Language): Promise<ServiceDrivers> {
      const cycle = await cycles.get(context, cycleId);
      const [services, drivers, version] = await readSnapshot(db, async (trx) => {
        const snapshot = createFullCostRepository(trx);
        return [await snapshot.services(), await snapshot.drivers(cycleId), await snapshot.allocationVersion(cycleId)];
      });
      const driverOf = new Map(drivers.map((d) => [d.service_code, d]));
      return {
        cycleId: cycle.id,
        version: version!,
        services: services
          .filter((s) => s.active || driverOf.has(s.code))
          .map((s) => {
            const driver = driverOf.get(s.code);
            return {
              serviceCode: s.code,
              name: language === 'lv' ? s.name_lv : s.name_en,
              unitLv: driver?.unit_lv ?? null,
              unitEn: driver?.unit_en ?? null,
              direct: driver?.unit_en === DIRECT_DRIVER,
              tbmTowerCode: s.tbm_tower_code,
            };
          }),
      };
    },

    /** Replaces the cycle's drivers: services left out have none (their cost stays unallocated). */
    async setDrivers(
      context: RequestContext,
      cycleId: number,
      ifMatch: ExpectedVersion,
      input: ServiceDriverInput[],
      language: Language,
    ): Promise<ServiceDrivers> {
      const cycle = await changeable(context, cycleId);
      const known = new Set((await repository.services()).map((s) => s.code));
      const problems: FieldProblem[] = [];
      const firstRow = new Map<string, number>();
      input.forEach((driver, index) => {
        const path = `body.${index}.serviceCode`;
        if (!known.has(driver.serviceCode)) problems.push({ path, message: message('fullCost.unknownService') });
        const first = firstRow.get(driver.serviceCode);
        if (first !== undefined) problems.push({ path, message: message('fullCost.duplicate', { row: first + 1 }) });
        else firstRow.set(driver.serviceCode, index);
      });
      await changeBasis(context, cycle, ifMatch, async (trx) => {
        if (problems.length > 0) throw new ValidationError(message('fullCost.invalidRows'), problems);
        const drivers: Driver[] = input.map((d) => ({
          service_code: d.serviceCode,
          unit_lv: d.unitLv,
          unit_en: d.unitEn,
        }));
        await createFullCostRepository(trx).replaceDrivers(cycle.id, drivers);
        return { action: 'serviceDrivers.replace', after: input };
      });
      return this.drivers(context, cycleId, language);
    },

    async consumption(
      context: RequestContext,
      cycleId: number,
      query: { fiscalYear?: number | undefined },
    ): Promise<ServiceConsumption> {
      const cycle = await cycles.get(context, cycleId);
      const institutionId = readerScope(context, cycle);
      if (query.fiscalYear !== undefined) fiscalYearOf(cycle, query.fiscalYear, 'querystring.fiscalYear');
      return readSnapshot(db, async (trx) => {
        const snapshot = createFullCostRepository(trx);
        return {
          cycleId,
          version: (await snapshot.allocationVersion(cycleId))!,
          rows: await snapshot.consumptionRows(cycleId, { fiscalYear: query.fiscalYear, institutionId }),
        };
      });
    },

    /**
     * Replaces what the cycle had for the services the rows name by the rows: every problem of
     * every row at once, and nothing saved while there is one. A dry run checks the same (the
     * version too) and saves nothing.
     */
    async setConsumption(
      context: RequestContext,
      cycleId: number,
      ifMatch: ExpectedVersion,
      rows: ServiceConsumptionRow[],
      options: { dryRun?: boolean } = {},
    ): Promise<ServiceConsumption> {
      const cycle = await changeable(context, cycleId);
      const [services, institutions, drivers] = await Promise.all([
        repository.services(),
        repository.institutions(),
        repository.drivers(cycleId),
      ]);
      const service = new Map(services.map((s) => [s.code, s]));
      const institutionId = new Map(institutions.map((i) => [i.code, i.id]));
      const direct = new Set(drivers.filter((d) => d.unit_en === DIRECT_DRIVER).map((d) => d.service_code));
      const problems: FieldProblem[] = [];
      const firstRow = new Map<string, number>();
      rows.forEach((row, index) => {
        const at = (field: string) => `body.${index}.${field}`;
        const known = service.get(row.serviceCode);
        if (!known) problems.push({ path: at('serviceCode'), message: message('fullCost.unknownService') });
        else if (!known.active)
          problems.push({ path: at('serviceCode'), message: message('fullCost.inactiveService') });
        else if (direct.has(row.serviceCode)) {
          problems.push({ path: at('serviceCode'), message: message('fullCost.directService') });
        }
        if (!institutionId.has(row.institutionCode)) {
          problems.push({ path: at('institutionCode'), message: message('field.unknownInstitution') });
        }
        if (!cycle.fiscalYears.includes(row.fiscalYear)) {
          problems.push({
            path: at('fiscalYear'),
            message: message('field.oneOf', { values: cycle.fiscalYears }),
          });
        }
        const key = `${row.serviceCode}\u001f${row.institutionCode}\u001f${row.fiscalYear}`;
        const first = firstRow.get(key);
        if (first !== undefined)
          problems.push({ path: at('quantity'), message: message('fullCost.duplicate', { row: first + 1 }) });
        else firstRow.set(key, index);
      });
      await changeBasis(context, cycle, ifMatch, async (trx) => {
        if (problems.length > 0) throw new ValidationError(message('fullCost.invalidRows'), problems);
        if (options.dryRun) return null;
        const serviceCodes = [...new Set(rows.map((r) => r.serviceCode))];
        await createFullCostRepository(trx).replaceConsumption(
          cycle.id,
          serviceCodes,
          rows.map((r) => ({
            service_code: r.serviceCode,
            institution_id: institutionId.get(r.institutionCode)!,
            fiscal_year: r.fiscalYear,
            quantity: r.quantity,
          })),
        );
        return { action: 'serviceConsumption.replace', after: { services: serviceCodes, rows: rows.length } };
      });
      return this.consumption(context, cycleId, {});
    },
  };
}

export type FullCostService = ReturnType<typeof createFullCostService>;
