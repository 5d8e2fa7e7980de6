import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import { Decimal, parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import { can } from '@ikt/shared/permissions';
import type { CreateScenarioInput, Scenario, ScenarioComparison, ScenarioCut } from '@ikt/shared/scenario.schema';
import type { RequestContext } from '../../context';
import {
  ConflictError,
  ForbiddenError,
  InvalidStateError,
  NotFoundError,
  ValidationError,
  cycleNotFound,
} from '../../errors';
import { message } from '../../messages/message';
import { recordAudit } from '../audit/audit.service';
import type { CycleService } from '../cycles/cycles.service';
import { fiscalYearOf } from '../cycles/fiscal-year';
import { maxReduction, priorityCut, uniformCut, type CandidateItem } from './cut-methods';
import { largestPercentOf, ScenarioInfeasibleError } from './scenario-errors';
import { createScenariosRepository, type ScenariosRepository } from './scenarios.repository';

type ScenarioRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createScenariosRepository>['findById']>>>;
interface InstitutionEffect {
  institutionCode: string;
  before: string;
  after: string;
  cut: string;
}

const scenarioNotFound = () => new NotFoundError(message('scenario.notFound'));

/** Totals per institution for the year, before and after the cuts. */
function institutionEffects(
  items: { id: number; institution_code: string; amount: string }[],
  cuts: Map<number, string>,
): InstitutionEffect[] {
  const byInstitution = new Map<string, { before: Decimal; cut: Decimal }>();
  for (const item of items) {
    const entry = byInstitution.get(item.institution_code) ?? { before: new Decimal(0), cut: new Decimal(0) };
    entry.before = entry.before.plus(item.amount);
    entry.cut = entry.cut.plus(cuts.get(item.id) ?? 0);
    byInstitution.set(item.institution_code, entry);
  }
  return [...byInstitution.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'lv'))
    .map(([institutionCode, { before, cut }]) => ({
      institutionCode,
      before: toMoneyString(before),
      after: toMoneyString(before.minus(cut)),
      cut: toMoneyString(cut),
    }));
}

export function createScenarioService(db: Kysely<Database>, cycles: CycleService) {
  const scenarios = createScenariosRepository(db);

  /** `repository` is the caller's: inside a transaction, the transaction's (PGlite has one connection). */
  async function toScenario(
    row: ScenarioRow,
    withDetail: boolean,
    repository: ScenariosRepository = scenarios,
  ): Promise<Scenario> {
    const stale = row.adopted_at === null && (await repository.fingerprint(row.cycle_id)) !== row.data_fingerprint;
    const cuts: ScenarioCut[] = withDetail
      ? (await repository.cutsOf(row.id)).map((c) => ({
          lineItemId: c.line_item_id,
          subProgrammeCode: c.sub_programme_code,
          institutionCode: c.institution_code,
          title: c.title,
          priority: c.priority,
          rank: c.rank,
          before: c.before,
          cut: c.cut,
          after: c.after,
          impactIfCut: c.impact_if_cut,
        }))
      : [];
    return {
      id: row.id,
      cycleId: row.cycle_id,
      name: row.name,
      fiscalYear: row.fiscal_year,
      method: row.method,
      target: { kind: row.target_kind, value: row.target_value },
      targetAmount: row.target_amount,
      achieved: row.achieved,
      overshoot: row.overshoot,
      maxReduction: row.max_reduction,
      yearTotalBefore: row.year_total_before,
      yearTotalAfter: toMoneyString(parseMoney(row.year_total_before).minus(row.achieved)),
      cuts,
      institutions: withDetail ? (row.institution_effects as InstitutionEffect[]) : [],
      createdAt: row.created_at.toISOString(),
      adoptedAt: row.adopted_at ? row.adopted_at.toISOString() : null,
      stale,
    };
  }

  async function readable(context: RequestContext, id: number): Promise<ScenarioRow> {
    const row = await scenarios.findById(id);
    if (!row || !can(context.actor, { action: 'scenario.read', cycleStatus: row.cycle_status }))
      throw scenarioNotFound();
    return row;
  }

  return {
    async create(context: RequestContext, cycleId: number, input: CreateScenarioInput): Promise<Scenario> {
      const cycle = await cycles.get(context, cycleId);
      if (!can(context.actor, { action: 'scenario.read', cycleStatus: cycle.status })) throw cycleNotFound();
      if (!can(context.actor, { action: 'scenario.create' })) throw new ForbiddenError(message('scenario.notMaker'));
      fiscalYearOf(cycle, input.fiscalYear, 'body.fiscalYear');

      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const repository = createScenariosRepository(trx);
          const fingerprint = await repository.fingerprint(cycleId);
          const items = await repository.itemsForYear(cycleId, input.fiscalYear);
          const yearTotal = sumMoney(items.map((i) => i.amount));
          const targetAmount =
            input.target.kind === 'amount'
              ? parseMoney(input.target.value)
              : yearTotal.times(input.target.value).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
          const candidates: CandidateItem[] = items.map((i) => ({
            id: i.id,
            subProgrammeCode: i.sub_programme_code,
            priority: i.priority,
            rank: i.rank,
            amount: i.amount,
          }));
          const largest = maxReduction(candidates);
          if (targetAmount.greaterThan(largest)) {
            throw new ScenarioInfeasibleError(
              {
                fiscalYear: input.fiscalYear,
                yearTotal: toMoneyString(yearTotal),
                largestReduction: largest,
                largestPercent: largestPercentOf(largest, yearTotal),
              },
              targetAmount,
            );
          }
          const target = toMoneyString(targetAmount);
          const result = input.method === 'priority' ? priorityCut(candidates, target) : uniformCut(candidates, target);
          const cutById = new Map(result.cuts.map((c) => [c.id, c.cut]));
          const amountById = new Map(items.map((i) => [i.id, i.amount]));

          const id = await repository.insert({
            cycle_id: cycleId,
            name: input.name,
            fiscal_year: input.fiscalYear,
            method: input.method,
            target_kind: input.target.kind,
            target_value: toMoneyString(parseMoney(input.target.value)),
            target_amount: target,
            achieved: result.achieved,
            overshoot: result.overshoot,
            max_reduction: largest,
            year_total_before: toMoneyString(yearTotal),
            institution_effects: JSON.stringify(institutionEffects(items, cutById)),
            data_fingerprint: fingerprint,
            created_by: context.actor.id,
          });
          await repository.insertCuts(
            id,
            result.cuts.map((c) => ({
              lineItemId: c.id,
              before: amountById.get(c.id)!,
              cut: c.cut,
              after: toMoneyString(parseMoney(amountById.get(c.id)!).minus(c.cut)),
              wholeItem: input.method === 'priority',
            })),
          );
          await recordAudit(trx, context, {
            action: 'scenario.create',
            entityType: 'scenario',
            entityId: id,
            after: { ...input, targetAmount: target, achieved: result.achieved, cuts: result.cuts.length },
          });
          return toScenario((await repository.findById(id))!, true, repository);
        });
    },

    async get(context: RequestContext, id: number): Promise<Scenario> {
      return toScenario(await readable(context, id), true);
    },

    async list(context: RequestContext, cycleId: number): Promise<Scenario[]> {
      const cycle = await cycles.get(context, cycleId);
      if (!can(context.actor, { action: 'scenario.read', cycleStatus: cycle.status })) throw cycleNotFound();
      return Promise.all((await scenarios.listByCycle(cycleId)).map((row) => toScenario(row, false)));
    },

    /** The council applies a scenario: all its cuts in one transaction, each audited. */
    async adopt(context: RequestContext, id: number): Promise<Scenario> {
      await readable(context, id);
      if (!can(context.actor, { action: 'scenario.adopt' })) throw new ForbiddenError(message('scenario.notAdopter'));
      return db.transaction().execute(async (trx) => {
        const repository = createScenariosRepository(trx);
        const row = (await repository.findById(id))!;
        const cycle = await cycles.lockForChange(trx, row.cycle_id);
        if (cycle.status !== 'review' && cycle.status !== 'consolidated') {
          throw new InvalidStateError(message('scenario.adoptClosed'));
        }
        if (row.adopted_at !== null) {
          throw new ConflictError(message('scenario.adoptedAlready'));
        }
        await repository.lockCycleItems(row.cycle_id);
        if ((await repository.fingerprint(row.cycle_id)) !== row.data_fingerprint) {
          throw new ConflictError(message('scenario.stale'));
        }
        const cuts = await repository.cutsOf(id);
        if (row.method === 'priority') {
          await repository.markItemsCut(cuts.map((c) => c.line_item_id));
        } else {
          await repository.reduceAmounts(
            row.fiscal_year,
            cuts.map((c) => ({ lineItemId: c.line_item_id, cut: c.cut })),
          );
        }
        for (const cut of cuts) {
          await recordAudit(trx, context, {
            action: row.method === 'priority' ? 'lineItem.cut' : 'lineItem.reduce',
            entityType: 'line_item',
            entityId: cut.line_item_id,
            before: { fiscalYear: row.fiscal_year, amount: cut.before },
            after: {
              fiscalYear: row.fiscal_year,
              amount: row.method === 'priority' ? '0.00' : cut.after,
              scenarioId: id,
            },
          });
        }
        await repository.markAdopted(id, context.actor.id);
        await recordAudit(trx, context, {
          action: 'scenario.adopt',
          entityType: 'scenario',
          entityId: id,
          after: { method: row.method, fiscalYear: row.fiscal_year, achieved: row.achieved, items: cuts.length },
        });
        return toScenario((await repository.findById(id))!, true, repository);
      });
    },

    async compare(context: RequestContext, id: number, otherId: number): Promise<ScenarioComparison> {
      const [left, right] = await Promise.all([this.get(context, id), this.get(context, otherId)]);
      if (left.cycleId !== right.cycleId || left.fiscalYear !== right.fiscalYear) {
        throw new ValidationError(message('scenario.notComparable'));
      }
      const codes = [...new Set([...left.institutions, ...right.institutions].map((i) => i.institutionCode))].sort(
        (a, b) => a.localeCompare(b, 'lv'),
      );
      const itemsOf = (scenario: Scenario, code: string) =>
        scenario.cuts
          .filter((c) => c.institutionCode === code)
          .map((c) => ({
            lineItemId: c.lineItemId,
            title: c.title,
            priority: c.priority,
            cut: c.cut,
            impactIfCut: c.impactIfCut,
          }));
      const summary = ({ cuts: _cuts, institutions: _institutions, ...rest }: Scenario) => rest;
      return {
        fiscalYear: left.fiscalYear,
        left: summary(left),
        right: summary(right),
        institutions: codes.map((code) => {
          const l = left.institutions.find((i) => i.institutionCode === code);
          const r = right.institutions.find((i) => i.institutionCode === code);
          const before = (l ?? r)!.before;
          return {
            institutionCode: code,
            before,
            leftAfter: l?.after ?? before,
            rightAfter: r?.after ?? before,
            leftItems: itemsOf(left, code),
            rightItems: itemsOf(right, code),
          };
        }),
      };
    },
  };
}

export type ScenarioService = ReturnType<typeof createScenarioService>;
