import type {
  Consolidation,
  ConsolidationCross,
  ConsolidationDimension,
  ConsolidationRow,
  CrossDimension,
  MappedDimension,
} from '@ikt/shared/consolidation.schema';
import { MAPPED_DIMENSIONS } from '@ikt/shared/consolidation.schema';
import { COST_NATURES, PRIORITIES, REVIEW_STATUSES } from '@ikt/shared/domain';
import {
  COST_NATURE_LABELS,
  NOT_MAPPED_LABEL,
  NOT_SPECIFIED_LABEL,
  PRIORITY_LABELS,
  REVIEW_STATUS_LABELS,
} from '@ikt/shared/labels';
import type { Language } from '@ikt/shared/messages';
import { Decimal, parseMoney, sumMoney, toMoneyString, type MoneyString } from '@ikt/shared/money';
import { changeAgainst } from '@ikt/shared/money-change';
import type {
  ConsolidatedSum,
  ConsolidationFigures,
  CrossFigures,
  EkkNode,
  KeyNames,
} from './consolidation.repository';

/**
 * The figures the repository summed in SQL, arranged into the answers: keys in their order and
 * with their names, the EKK hierarchy, the change against last year. Pure — no database, no
 * permissions — so the API and the workbooks arrange the same sums the same way.
 */

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

/** Depth-first order and level of every EKK code, from the parent links. */
export function ekkHierarchy(tree: readonly EkkNode[]) {
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
function keyLabel(dimension: ConsolidationDimension, key: string, names: KeyNames, language: Language): string {
  if (key === '') return (isMapped(dimension) ? NOT_MAPPED_LABEL : NOT_SPECIFIED_LABEL)[language];
  return ENUM_LABELS[dimension]?.[key]?.[language] ?? names.get(key)?.[language] ?? key;
}

function isMapped(dimension: ConsolidationDimension): dimension is MappedDimension {
  return (MAPPED_DIMENSIONS as readonly string[]).includes(dimension);
}

/** Per year, the share of the total not in the unmapped ('') row, in per cent with one decimal. */
function mappedShareOf(rows: readonly ConsolidationRow[], total: Record<string, MoneyString>) {
  const unmapped = rows.find((row) => row.key === '')?.amounts ?? {};
  return Object.fromEntries(
    Object.entries(total).map(([year, amount]) => {
      const all = parseMoney(amount);
      if (all.isZero()) return [year, null];
      const mapped = all.minus(parseMoney(unmapped[year] ?? '0'));
      return [year, mapped.div(all).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toFixed(1)];
    }),
  );
}

/** Each fiscal year's amount (0.00 for a year without one), from the sums of one key. */
function amountsOf(sums: readonly ConsolidatedSum[], years: readonly number[]): Record<string, MoneyString> {
  const byYear = new Map(sums.map((s) => [s.fiscal_year, s.total]));
  return Object.fromEntries(years.map((y) => [String(y), toMoneyString(parseMoney(byYear.get(y) ?? '0'))]));
}

/** The cycle's counted sums by key (null: the grand total), its cut ones, and the base cycle's. */
function sumsByKey(sums: readonly ConsolidatedSum[], cycleId: number) {
  const current = new Map<string | null, ConsolidatedSum[]>();
  const cut = new Map<string | null, ConsolidatedSum[]>();
  const previous = new Map<string | null, string>();
  for (const sum of sums) {
    if (sum.cycle_id !== cycleId) previous.set(sum.key, sum.total);
    else {
      const into = sum.cut ? cut : current;
      into.set(sum.key, [...(into.get(sum.key) ?? []), sum]);
    }
  }
  return { current, cut, previous };
}

export interface ConsolidationShape {
  cycleId: number;
  by: ConsolidationDimension;
  fiscalYears: number[];
  /** Whether the cycle has a base cycle, whose figures are "last year". */
  hasBase: boolean;
  language: Language;
}

/** One dimension's consolidation: a row per key, the grand total, and the cut items apart. */
export function consolidationOf(figures: ConsolidationFigures, shape: ConsolidationShape): Consolidation {
  const { cycleId, by, fiscalYears: years, language } = shape;
  const firstYear = String(years[0]);
  const { current, cut, previous } = sumsByKey(figures.sums, cycleId);
  const counted = new Map(figures.counts.filter((c) => !c.cut).map((c) => [c.key, c.items]));
  const cutCount = figures.counts.find((c) => c.cut && c.key === null)?.items ?? 0;
  const ekk = figures.ekkTree ? ekkHierarchy(figures.ekkTree) : null;
  const showPrevious = shape.hasBase && by !== 'review_status';
  const keys = [...new Set([...current.keys(), ...counted.keys(), ...(showPrevious ? previous.keys() : [])])].filter(
    (key): key is string => key !== null,
  );
  keys.sort(keyOrder(by, ekk));

  const rows: ConsolidationRow[] = keys.map((key) => {
    const amounts = amountsOf(current.get(key) ?? [], years);
    const previousYear = showPrevious ? toMoneyString(parseMoney(previous.get(key) ?? '0')) : null;
    const position = ekk?.get(key);
    return {
      key,
      label: keyLabel(by, key, figures.labels, language),
      amounts,
      previousYear,
      ...changeAgainst(amounts[firstYear]!, previousYear),
      ...(position ? { level: position.level, parentKey: position.parent } : {}),
      itemCount: counted.get(key) ?? 0,
    };
  });

  const totalAmounts = amountsOf(current.get(null) ?? [], years);
  return {
    cycleId,
    by,
    fiscalYears: years,
    attribution: by === 'goal' ? 'full-to-each' : 'partition',
    rows,
    total: {
      amounts: totalAmounts,
      previousYear: shape.hasBase ? toMoneyString(parseMoney(previous.get(null) ?? '0')) : null,
      itemCount: counted.get(null) ?? 0,
    },
    cut: { amounts: amountsOf(cut.get(null) ?? [], years), itemCount: cutCount },
    ...(isMapped(by) ? { mappedShare: mappedShareOf(rows, totalAmounts) } : {}),
  };
}

/**
 * Of each row of an EKK consolidation, whether items booked on the code itself add to it in each
 * year — its figure less its sub-codes' rows is not zero, possible only for a code that was once
 * a leaf — and whether it has sub-codes at all.
 */
export function ekkComposition(
  rows: readonly ConsolidationRow[],
  years: readonly string[],
): Map<string, { hasSubCodes: boolean; ownItems: Record<string, boolean> }> {
  const subCodes = new Map<string, ConsolidationRow[]>();
  for (const row of rows) {
    if (row.parentKey !== undefined) subCodes.set(row.parentKey, [...(subCodes.get(row.parentKey) ?? []), row]);
  }
  return new Map(
    rows.map((row) => {
      const children = subCodes.get(row.key) ?? [];
      const own = (year: string) =>
        !parseMoney(row.amounts[year] ?? '0')
          .minus(sumMoney(children.map((c) => c.amounts[year] ?? '0')))
          .isZero();
      return [
        row.key,
        { hasSubCodes: children.length > 0, ownItems: Object.fromEntries(years.map((y) => [y, own(y)])) },
      ];
    }),
  );
}

export interface CrossShape {
  cycleId: number;
  fiscalYear: number;
  axes: { rows: CrossDimension; columns: CrossDimension };
  ekkLevel: number;
  language: Language;
}

/** One fiscal year by two dimensions: the cells, each row's and column's total, the cut items apart. */
export function crossTableOf(figures: CrossFigures, shape: CrossShape): ConsolidationCross {
  const { axes, language } = shape;
  const ekk = figures.ekkTree ? ekkHierarchy(figures.ekkTree) : null;
  const rows = new Map<string, { total: Decimal; cells: Map<string, Decimal> }>();
  const columns = new Map<string, Decimal>();
  let total = new Decimal(0);
  let cutAmount = new Decimal(0);
  let cutItems = 0;
  for (const sum of figures.sums) {
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
    cycleId: shape.cycleId,
    fiscalYear: shape.fiscalYear,
    rowDimension: axes.rows,
    columnDimension: axes.columns,
    ekkLevel: shape.ekkLevel,
    columns: [...columns.keys()].sort(keyOrder(axes.columns, ekk)).map((key) => ({
      key,
      label: keyLabel(axes.columns, key, figures.columnLabels, language),
      total: toMoneyString(columns.get(key)!),
    })),
    rows: [...rows.keys()].sort(keyOrder(axes.rows, ekk)).map((key) => {
      const row = rows.get(key)!;
      return {
        key,
        label: keyLabel(axes.rows, key, figures.rowLabels, language),
        total: toMoneyString(row.total),
        cells: Object.fromEntries([...row.cells].map(([column, amount]) => [column, toMoneyString(amount)])),
      };
    }),
    total: toMoneyString(total),
    cut: { amount: toMoneyString(cutAmount), itemCount: cutItems },
  };
}
