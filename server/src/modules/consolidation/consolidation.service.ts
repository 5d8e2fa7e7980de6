import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type {
  Consolidation,
  ConsolidationDimension,
  ConsolidationQuery,
  ConsolidationRow,
} from '@ikt/shared/consolidation.schema';
import { COST_NATURES, PRIORITIES, REVIEW_STATUSES } from '@ikt/shared/domain';
import { COST_NATURE_LABELS, NOT_SPECIFIED_LABEL, PRIORITY_LABELS, REVIEW_STATUS_LABELS } from '@ikt/shared/labels';
import type { Language } from '@ikt/shared/messages';
import { Decimal, parseMoney, toMoneyString } from '@ikt/shared/money';
import { can } from '@ikt/shared/permissions';
import type { RequestContext } from '../../context';
import { ValidationError } from '../../errors';
import { cycleNotFound } from '../budget/budget-access';
import type { CycleService } from '../cycles/cycles.service';
import {
  createConsolidationRepository,
  type ConsolidationFilter,
  type ConsolidationRepository,
  type ConsolidatedSum,
} from './consolidation.repository';

const ENUM_ORDER: Partial<Record<ConsolidationDimension, readonly string[]>> = {
  cost_nature: COST_NATURES,
  priority: PRIORITIES,
  review_status: REVIEW_STATUSES,
};
const ENUM_LABELS: Partial<Record<ConsolidationDimension, Record<string, Record<Language, string>>>> = {
  cost_nature: COST_NATURE_LABELS,
  priority: PRIORITY_LABELS,
  review_status: REVIEW_STATUS_LABELS,
};

/** Codes such as M2 and M10 or R3 sort by number; '' (not specified) goes last. */
function compareKeys(order: readonly string[] | undefined) {
  return (a: string, b: string) => {
    if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
    if (order) return order.indexOf(a) - order.indexOf(b);
    return a.localeCompare(b, 'lv', { numeric: true });
  };
}

function amountsOf(sums: { fiscal_year: number; total: string }[], years: number[]) {
  const byYear = new Map(sums.map((s) => [s.fiscal_year, s.total]));
  return Object.fromEntries(years.map((y) => [String(y), toMoneyString(parseMoney(byYear.get(y) ?? '0'))]));
}

function change(current: string, previous: string | null) {
  if (previous === null) return { change: null, changePercent: null };
  const difference = parseMoney(current).minus(previous);
  const base = parseMoney(previous);
  return {
    change: toMoneyString(difference),
    changePercent: base.isZero()
      ? null
      : difference.div(base).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1),
  };
}

/** Depth-first order and level of every EKK code, from the parent links. */
function ekkHierarchy(tree: { code: string; parent_code: string | null }[]) {
  const children = new Map<string | null, string[]>();
  for (const node of tree) children.set(node.parent_code, [...(children.get(node.parent_code) ?? []), node.code]);
  const order = new Map<string, { position: number; level: number; parent: string }>();
  const visit = (parent: string | null, level: number) => {
    for (const code of (children.get(parent) ?? []).sort()) {
      order.set(code, { position: order.size, level, parent: parent ?? '' });
      visit(code, level + 1);
    }
  };
  visit(null, 1);
  return order;
}

export function createConsolidationService(db: Kysely<Database>, cycles: CycleService) {
  /** Which institution the figures are limited to; a lead sees its own only. */
  async function resolveFilter(
    context: RequestContext,
    repository: ConsolidationRepository,
    query: ConsolidationQuery,
  ): Promise<ConsolidationFilter> {
    let institutionId: number | undefined;
    if (query.institution !== undefined) {
      const institution = await repository.institutionByCode(query.institution);
      if (!institution) {
        throw new ValidationError({ lv: 'Nezināma iestāde.', en: 'Unknown institution.' }, [
          {
            path: 'querystring.institution',
            message: { lv: 'Nezināms iestādes kods', en: 'Unknown institution code' },
          },
        ]);
      }
      institutionId = institution.id;
    }
    if (context.actor.role === 'institution_lead') {
      if (institutionId !== undefined && institutionId !== context.actor.institutionId) throw cycleNotFound();
      institutionId = context.actor.institutionId ?? -1;
    }
    return { institutionId, costNature: query.costNature, reviewStatus: query.reviewStatus };
  }

  return {
    async consolidate(
      context: RequestContext,
      cycleId: number,
      query: ConsolidationQuery,
      language: Language,
    ): Promise<Consolidation> {
      const cycle = await cycles.get(context, cycleId);
      const repository = createConsolidationRepository(db);
      const filter = await resolveFilter(context, repository, query);
      if (
        !can(context.actor, {
          action: 'consolidation.read',
          cycleStatus: cycle.status,
          institutionId: filter.institutionId,
        })
      ) {
        throw cycleNotFound();
      }
      const base = cycle.baseCycleId === null ? null : await cycles.find(cycle.baseCycleId);
      const years = cycle.fiscalYears;
      const firstYear = String(years[0]);

      // One consistent snapshot: every figure in the answer comes from the same moment.
      const data = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const snapshot = createConsolidationRepository(trx);
          return {
            sums: await snapshot.sums(cycleId, query.by, filter, base ? { id: base.id, year: base.year } : null),
            counts: await snapshot.counts(cycleId, query.by, filter),
            labels: await snapshot.labels(query.by, cycleId),
            ekk: query.by === 'ekk' ? ekkHierarchy(await snapshot.ekkTree()) : null,
          };
        });

      // The cycle's counted sums by key (null: the grand total), its cut ones, the base cycle's.
      const current = new Map<string | null, ConsolidatedSum[]>();
      const cut = new Map<string | null, ConsolidatedSum[]>();
      const previous = new Map<string | null, string>();
      for (const sum of data.sums) {
        if (sum.cycle_id !== cycleId) previous.set(sum.key, sum.total);
        else {
          const into = sum.cut ? cut : current;
          into.set(sum.key, [...(into.get(sum.key) ?? []), sum]);
        }
      }
      const counted = new Map(data.counts.filter((c) => !c.cut).map((c) => [c.key, Number(c.items)]));
      const cutCount = Number(data.counts.find((c) => c.cut && c.key === null)?.items ?? 0);
      const showPrevious = base !== null && query.by !== 'review_status';
      const keys = [
        ...new Set([...current.keys(), ...counted.keys(), ...(showPrevious ? previous.keys() : [])]),
      ].filter((key): key is string => key !== null);
      keys.sort(
        data.ekk
          ? (a, b) => (data.ekk!.get(a)?.position ?? 0) - (data.ekk!.get(b)?.position ?? 0)
          : compareKeys(ENUM_ORDER[query.by]),
      );

      const rows: ConsolidationRow[] = keys.map((key) => {
        const amounts = amountsOf(current.get(key) ?? [], years);
        const previousYear = showPrevious ? toMoneyString(parseMoney(previous.get(key) ?? '0')) : null;
        const label =
          key === ''
            ? NOT_SPECIFIED_LABEL[language]
            : (ENUM_LABELS[query.by]?.[key]?.[language] ?? data.labels.get(key)?.[language] ?? key);
        const ekk = data.ekk?.get(key);
        return {
          key,
          label,
          amounts,
          previousYear,
          ...change(amounts[firstYear]!, previousYear),
          ...(ekk ? { level: ekk.level, parentKey: ekk.parent } : {}),
          itemCount: counted.get(key) ?? 0,
        };
      });

      return {
        cycleId,
        by: query.by,
        fiscalYears: years,
        attribution: query.by === 'goal' ? 'full-to-each' : 'partition',
        rows,
        total: {
          amounts: amountsOf(current.get(null) ?? [], years),
          previousYear: base ? toMoneyString(parseMoney(previous.get(null) ?? '0')) : null,
          itemCount: counted.get(null) ?? 0,
        },
        cut: { amounts: amountsOf(cut.get(null) ?? [], years), itemCount: cutCount },
      };
    },
  };
}

export type ConsolidationService = ReturnType<typeof createConsolidationService>;
