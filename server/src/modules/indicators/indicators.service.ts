import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type { Cycle } from '@ikt/shared/cycle.schema';
import type { FullCostInstitution } from '@ikt/shared/full-cost.schema';
import {
  FULL_COST_INDICATORS,
  INDICATORS,
  type FullCostIndicator,
  type FullCostIndicators,
  type IndicatorInputs,
  type Indicators,
  type IndicatorsAnswer,
  type InstitutionIndicators,
} from '@ikt/shared/indicators.schema';
import type { Language } from '@ikt/shared/messages';
import { Decimal, parseMoney, toMoneyString } from '@ikt/shared/money';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { ForbiddenError, cycleNotFound } from '../../errors';
import { message } from '../../messages/message';
import { recordAudit } from '../audit/audit.service';
import type { CycleService } from '../cycles/cycles.service';
import type { FullCostService } from '../full-cost/full-cost.service';
import { createIndicatorsRepository } from './indicators.repository';

type Inputs = NonNullable<Awaited<ReturnType<ReturnType<typeof createIndicatorsRepository>['inputsOf']>>>;

const UNITS: Record<(typeof INDICATORS)[number], string> = {
  ict_central_budget_share: '%',
  ict_cost_per_user: 'EUR',
  ict_cost_per_computer: 'EUR',
  users_per_it_staff: '',
};

/** Where the full cost keeps each cost indicator: per user, and per computer (a workstation). */
const FULL_COST_FIGURE = {
  ict_cost_per_user: 'perUser',
  ict_cost_per_computer: 'perWorkstation',
} as const satisfies Record<FullCostIndicator, keyof FullCostInstitution>;

/** a / b to two decimals (half up), or null when an input is missing or the divisor is zero. */
function ratio(a: Decimal | number | null, b: Decimal | number | string | null, scale = 1): string | null {
  if (a === null || b === null) return null;
  const divisor = new Decimal(b);
  if (divisor.isZero()) return null;
  return new Decimal(a).times(scale).div(divisor).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The M6 efficiency indicators of a cycle: its ICT budget for the first fiscal year against the inputs. */
function indicatorValues(inputs: Inputs, ictTotal: string) {
  const ict = parseMoney(ictTotal);
  return {
    ict_central_budget_share: ratio(ict, inputs.municipal_budget_total, 100),
    ict_cost_per_user: ratio(ict, inputs.ict_users),
    ict_cost_per_computer: ratio(ict, inputs.computers),
    users_per_it_staff: ratio(inputs.ict_users, inputs.it_staff),
  };
}

export function createIndicatorsService(db: Kysely<Database>, cycles: CycleService, fullCost: FullCostService) {
  const repository = createIndicatorsRepository(db);

  /** Last year's figures where the actor may see the city's figures of last year's cycle; else none. */
  async function previousValues(context: RequestContext, cycle: Cycle) {
    if (cycle.baseCycleId === null) return null;
    const base = await repository.inputsOf(cycle.baseCycleId);
    if (!base || !can(context.actor, { action: 'indicators.read', cycleStatus: base.status })) return null;
    return indicatorValues(base, await repository.yearTotal(base.id, base.year));
  }

  async function benchmarkOf() {
    const benchmarks = new Map((await repository.benchmarks()).map((b) => [b.indicator, b]));
    return (indicator: (typeof INDICATORS)[number]) => {
      const benchmark = benchmarks.get(indicator);
      return benchmark
        ? { riga2015: benchmark.riga_2015, peerAverage: benchmark.peer_average, source: benchmark.source }
        : null;
    };
  }

  /** Each indicator's row: its value, unit, last year's value and benchmarks. */
  async function indicatorRows<V extends string | null>(
    context: RequestContext,
    cycle: Cycle,
    valueOf: (indicator: (typeof INDICATORS)[number]) => V,
  ) {
    const previous = await previousValues(context, cycle);
    const benchmark = await benchmarkOf();
    return INDICATORS.map((indicator) => ({
      indicator,
      value: valueOf(indicator),
      unit: UNITS[indicator],
      previousYear: previous?.[indicator] ?? null,
      benchmark: benchmark(indicator),
    }));
  }

  async function cityIndicators(context: RequestContext, cycle: Cycle): Promise<Indicators> {
    const inputs = (await repository.inputsOf(cycle.id))!;
    const ictTotal = await repository.yearTotal(cycle.id, cycle.year);
    const current = indicatorValues(inputs, ictTotal);
    return {
      scope: 'city',
      cycleId: cycle.id,
      fiscalYear: cycle.year,
      ictBudgetTotal: toMoneyString(parseMoney(ictTotal)),
      inputs: {
        municipalBudgetTotal: inputs.municipal_budget_total,
        ictUsers: inputs.ict_users,
        computers: inputs.computers,
        itStaff: inputs.it_staff,
      },
      indicators: await indicatorRows(context, cycle, (indicator) => current[indicator]),
    };
  }

  async function institutionIndicators(
    context: RequestContext,
    cycle: Cycle,
    institutionId: number,
  ): Promise<InstitutionIndicators> {
    const institution = (await repository.institutionCode(institutionId))!;
    const total = await repository.institutionYearTotal(cycle.id, cycle.year, institutionId);
    return {
      scope: 'institution',
      cycleId: cycle.id,
      fiscalYear: cycle.year,
      institutionCode: institution.code,
      institutionIctBudgetTotal: toMoneyString(parseMoney(total)),
      // An institution has no inputs of its own: only last year's figures and the benchmarks.
      indicators: await indicatorRows(context, cycle, () => null),
    };
  }

  /** Whose figures the actor reads of a cycle: the city's, or its own institution's; neither is not found. */
  function readerScope(context: RequestContext, cycle: Cycle): 'city' | number {
    if (can(context.actor, { action: 'indicators.read', cycleStatus: cycle.status })) return 'city';
    const institutionId = context.actor.institutionId;
    if (
      institutionId === null ||
      !can(context.actor, { action: 'indicators.read', cycleStatus: cycle.status, institutionId })
    ) {
      throw cycleNotFound();
    }
    return institutionId;
  }

  return {
    /** The city's figures; a cycle whose city figures the actor may not see is not found. */
    async get(context: RequestContext, cycleId: number): Promise<Indicators> {
      const cycle = await cycles.get(context, cycleId);
      if (!can(context.actor, { action: 'indicators.read', cycleStatus: cycle.status })) throw cycleNotFound();
      return cityIndicators(context, cycle);
    },

    /** The city's figures where the actor may see them, else the actor's own institution's. */
    async read(context: RequestContext, cycleId: number): Promise<IndicatorsAnswer> {
      const cycle = await cycles.get(context, cycleId);
      const scope = readerScope(context, cycle);
      return scope === 'city' ? cityIndicators(context, cycle) : institutionIndicators(context, cycle, scope);
    },

    /**
     * The cost per user and per computer of each institution on its full cost, for the cycle's
     * first fiscal year: the full cost's own figures (its service computes them, and answers a
     * lead its own institution only), beside their median and the benchmarks.
     */
    async fullCost(context: RequestContext, cycleId: number, language: Language): Promise<FullCostIndicators> {
      const cycle = await cycles.get(context, cycleId);
      readerScope(context, cycle);
      const answer = await fullCost.fullCost(context, cycleId, { stage: 'request', fiscalYear: cycle.year }, language);
      const benchmark = await benchmarkOf();
      return {
        cycleId: cycle.id,
        fiscalYear: answer.fiscalYear,
        indicators: FULL_COST_INDICATORS.map((indicator) => ({
          indicator,
          unit: UNITS[indicator],
          median: answer.medians[FULL_COST_FIGURE[indicator]],
          benchmark: benchmark(indicator),
        })),
        institutions: answer.institutions.map((row) => ({
          institutionCode: row.institutionCode,
          name: row.name,
          own: row.own,
          allocated: row.allocated,
          full: row.full,
          values: {
            ict_cost_per_user: row[FULL_COST_FIGURE.ict_cost_per_user],
            ict_cost_per_computer: row[FULL_COST_FIGURE.ict_cost_per_computer],
          },
        })),
      };
    },

    async set(context: RequestContext, cycleId: number, input: IndicatorInputs): Promise<Indicators> {
      await cycles.get(context, cycleId);
      if (!can(context.actor, { action: 'indicators.manage' }))
        throw new ForbiddenError(message('indicators.notManager'));
      await db.transaction().execute(async (trx) => {
        const indicators = createIndicatorsRepository(trx);
        const before = await indicators.inputsOf(cycleId);
        await indicators.setInputs(cycleId, {
          municipal_budget_total: input.municipalBudgetTotal,
          ict_users: input.ictUsers,
          computers: input.computers,
          it_staff: input.itStaff,
        });
        await recordAudit(trx, context, {
          action: 'cycle.indicators',
          entityType: 'budget_cycle',
          entityId: cycleId,
          before,
          after: input,
        });
      });
      return this.get(context, cycleId);
    },
  };
}

export type IndicatorsService = ReturnType<typeof createIndicatorsService>;
