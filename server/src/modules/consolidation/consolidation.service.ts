import type { Kysely } from 'kysely';
import type { Database } from '@ikt/db/database';
import type {
  Consolidation,
  ConsolidationCross,
  ConsolidationCrossQuery,
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
import { ValidationError, cycleNotFound } from '../../errors';
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

type EkkOrder = ReturnType<typeof ekkHierarchy>;

/** How a dimension's keys are ordered: EKK in its hierarchy's order, vocabularies in theirs, codes by number. */
function keyOrder(dimension: ConsolidationDimension, ekk: EkkOrder | null) {
  return dimension === 'ekk' && ekk
    ? (a: string, b: string) => (ekk.get(a)?.position ?? 0) - (ekk.get(b)?.position ?? 0)
    : compareKeys(ENUM_ORDER[dimension]);
}

/** The words for a key: a vocabulary's label, a code's name, or "not specified" for ''. */
function keyLabel(
  dimension: ConsolidationDimension,
  key: string,
  labels: Map<string, Record<Language, string>>,
  language: Language,
): string {
  if (key === '') return NOT_SPECIFIED_LABEL[language];
  return ENUM_LABELS[dimension]?.[key]?.[language] ?? labels.get(key)?.[language] ?? key;
}

export function createConsolidationService(db: Kysely<Database>, cycles: CycleService) {
  /** Which institution the figures are limited to; a lead sees its own only. */
  async function resolveFilter(
    context: RequestContext,
    repository: ConsolidationRepository,
    query: Pick<ConsolidationQuery, 'institution' | 'costNature' | 'reviewStatus'>,
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

  /** The cycle and the filter a consolidation reads, once the actor may read them (404 otherwise). */
  async function readable(
    context: RequestContext,
    cycleId: number,
    query: Pick<ConsolidationQuery, 'institution' | 'costNature' | 'reviewStatus'>,
  ) {
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
    return { cycle, filter };
  }

  return {
    async consolidate(
      context: RequestContext,
      cycleId: number,
      query: ConsolidationQuery,
      language: Language,
    ): Promise<Consolidation> {
      const { cycle, filter } = await readable(context, cycleId, query);
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
      keys.sort(keyOrder(query.by, data.ekk));

      const rows: ConsolidationRow[] = keys.map((key) => {
        const amounts = amountsOf(current.get(key) ?? [], years);
        const previousYear = showPrevious ? toMoneyString(parseMoney(previous.get(key) ?? '0')) : null;
        const label = keyLabel(query.by, key, data.labels, language);
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

    /** One fiscal year by two dimensions at once (institution × EKK by default); see the schema. */
    async cross(
      context: RequestContext,
      cycleId: number,
      query: ConsolidationCrossQuery,
      language: Language,
    ): Promise<ConsolidationCross> {
      const { cycle, filter } = await readable(context, cycleId, query);
      const fiscalYear = query.fiscalYear ?? cycle.fiscalYears[0]!;
      if (!cycle.fiscalYears.includes(fiscalYear)) {
        throw new ValidationError(
          { lv: 'Gads nav šī cikla finanšu gads.', en: 'The year is not one of the cycle’s fiscal years.' },
          [
            {
              path: 'querystring.fiscalYear',
              message: {
                lv: `Jābūt vienam no ${cycle.fiscalYears.join(', ')}`,
                en: `Must be one of ${cycle.fiscalYears.join(', ')}`,
              },
            },
          ],
        );
      }
      const axes = { rows: query.rows, columns: query.columns };
      const withEkk = axes.rows === 'ekk' || axes.columns === 'ekk';

      const data = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const snapshot = createConsolidationRepository(trx);
          return {
            sums: await snapshot.crossSums(cycleId, axes, query.ekkLevel, fiscalYear, filter),
            rowLabels: await snapshot.labels(axes.rows, cycleId),
            columnLabels: await snapshot.labels(axes.columns, cycleId),
            ekk: withEkk ? ekkHierarchy(await snapshot.ekkTree()) : null,
          };
        });

      const rows = new Map<string, { total: Decimal; cells: Map<string, Decimal> }>();
      const columns = new Map<string, Decimal>();
      let total = new Decimal(0);
      let cutAmount = new Decimal(0);
      let cutItems = 0;
      for (const sum of data.sums) {
        if (sum.cut) {
          cutAmount = cutAmount.plus(sum.total);
          cutItems += sum.items;
          continue;
        }
        const row = rows.get(sum.row_key) ?? { total: new Decimal(0), cells: new Map<string, Decimal>() };
        row.total = row.total.plus(sum.total);
        row.cells.set(sum.column_key, (row.cells.get(sum.column_key) ?? new Decimal(0)).plus(sum.total));
        rows.set(sum.row_key, row);
        columns.set(sum.column_key, (columns.get(sum.column_key) ?? new Decimal(0)).plus(sum.total));
        total = total.plus(sum.total);
      }

      return {
        cycleId,
        fiscalYear,
        rowDimension: axes.rows,
        columnDimension: axes.columns,
        ekkLevel: query.ekkLevel,
        columns: [...columns.keys()].sort(keyOrder(axes.columns, data.ekk)).map((key) => ({
          key,
          label: keyLabel(axes.columns, key, data.columnLabels, language),
          total: toMoneyString(columns.get(key)!),
        })),
        rows: [...rows.keys()].sort(keyOrder(axes.rows, data.ekk)).map((key) => {
          const row = rows.get(key)!;
          return {
            key,
            label: keyLabel(axes.rows, key, data.rowLabels, language),
            total: toMoneyString(row.total),
            cells: Object.fromEntries([...row.cells].map(([column, amount]) => [column, toMoneyString(amount)])),
          };
        }),
        total: toMoneyString(total),
        cut: { amount: toMoneyString(cutAmount), itemCount: cutItems },
      };
    },
  };
}

export type ConsolidationService = ReturnType<typeof createConsolidationService>;
