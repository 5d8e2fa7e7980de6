import {
  DIRECT_DRIVER,
  type FullCost,
  type FullCostInstitution,
  type PriceListEntry,
} from '@ikt/shared/full-cost.schema';
import { NOT_SPECIFIED_LABEL } from '@ikt/shared/labels';
import type { Language } from '@ikt/shared/messages';
import { Decimal, parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import { changeAgainst } from '@ikt/shared/money-change';
import { allocate } from './allocation';
import type { AllocationFigures } from './full-cost.repository';

/**
 * The full cost of one fiscal year, computed from the figures the repository read in one
 * snapshot. Pure — no database, no permissions — so every view of the full cost (the API, the
 * bill of IT, the workbook) reads the one computation.
 *
 * A service's cost (its central items that name no beneficiaries) is allocated to institutions
 * in proportion to what each consumes; an item that names beneficiaries is split by their shares.
 * Both go through `allocate`: exact to the cent. What no consumption or share carries — a
 * service without a driver, with a `direct` driver but items naming nobody, with nobody consuming
 * it, or an item naming no service — is unallocated, never spread.
 */

export interface Reference {
  institutions: { id: number; code: string; name_lv: string; name_en: string }[];
  services: { code: string; name_lv: string; name_en: string }[];
}

/** The driver units full cost is divided by for "per workstation" and "per user". */
const PER_UNIT = { perWorkstation: 'workstations', perUser: 'users' } as const;

/** One year's allocation: per institution code its own total and amounts per service. */
export interface Allocation {
  own: Map<string, Decimal>;
  /** institution code → service code → what it consumed (null: attributed directly) and its amount. */
  byService: Map<string, Map<string, { quantity: Decimal | null; amount: Decimal }>>;
  unallocated: Map<string, Decimal>;
  /** Per service with a cost or a driver: the cost allocated by quantity, the quantity, the unit cost. */
  prices: Map<string, { cost: Decimal; quantity: Decimal | null; unitCost: Decimal | null }>;
  /** institution code → driver unit (en) → the largest quantity it consumes in that unit. */
  unitsConsumed: Map<string, Map<string, Decimal>>;
}

const ZERO = new Decimal(0);

export function allocationOf(figures: AllocationFigures, reference: Reference): Allocation {
  const codeOf = new Map(reference.institutions.map((i) => [i.id, i.code]));
  const drivers = new Map(figures.drivers.map((d) => [d.service_code, d]));
  const own = new Map(figures.own.map((row) => [codeOf.get(row.institution_id)!, parseMoney(row.total)]));
  const byService: Allocation['byService'] = new Map();
  const unallocated: Allocation['unallocated'] = new Map();
  const prices: Allocation['prices'] = new Map();
  const unitsConsumed: Allocation['unitsConsumed'] = new Map();

  const consumed = new Map<string, { key: string; weight: Decimal }[]>();
  for (const row of figures.consumption) {
    const driver = drivers.get(row.service_code);
    if (!driver || driver.unit_en === DIRECT_DRIVER) continue;
    const institution = codeOf.get(row.institution_id)!;
    const quantity = new Decimal(row.quantity);
    consumed.set(row.service_code, [...(consumed.get(row.service_code) ?? []), { key: institution, weight: quantity }]);
    const units = unitsConsumed.get(institution) ?? new Map<string, Decimal>();
    const unit = driver.unit_en.toLowerCase();
    units.set(unit, Decimal.max(units.get(unit) ?? ZERO, quantity));
    unitsConsumed.set(institution, units);
  }

  const add = (institution: string, service: string, quantity: Decimal | null, amount: Decimal) => {
    const services = byService.get(institution) ?? new Map<string, { quantity: Decimal | null; amount: Decimal }>();
    const entry = services.get(service);
    services.set(service, {
      quantity: entry?.quantity ?? quantity,
      amount: (entry?.amount ?? ZERO).plus(amount),
    });
    byService.set(institution, services);
  };
  const leaveUnallocated = (service: string, amount: Decimal) =>
    unallocated.set(service, (unallocated.get(service) ?? ZERO).plus(amount));

  for (const [service, driver] of drivers) {
    if (driver.unit_en === DIRECT_DRIVER) continue;
    const claims = consumed.get(service) ?? [];
    prices.set(service, { cost: ZERO, quantity: sumMoney(claims.map((c) => c.weight)), unitCost: null });
  }
  for (const { service_code: service, total } of figures.serviceCosts) {
    const cost = parseMoney(total);
    const driver = drivers.get(service);
    const claims = consumed.get(service) ?? [];
    const shares = driver && driver.unit_en !== DIRECT_DRIVER ? allocate(cost, claims) : null;
    if (service !== '' && driver && driver.unit_en !== DIRECT_DRIVER) {
      const quantity = prices.get(service)!.quantity!;
      prices.set(service, { cost, quantity, unitCost: quantity.isZero() ? null : cost.div(quantity) });
    }
    if (shares === null || service === '') {
      leaveUnallocated(service, cost);
      continue;
    }
    for (const claim of claims) add(claim.key, service, claim.weight, shares.get(claim.key)!);
  }
  for (const item of figures.directItems) {
    const shares = allocate(
      parseMoney(item.amount),
      item.beneficiaries.map((b) => ({ key: codeOf.get(b.institution_id)!, weight: new Decimal(b.share) })),
    );
    if (shares === null) leaveUnallocated(item.service_code, parseMoney(item.amount));
    else for (const [institution, amount] of shares) add(institution, item.service_code, null, amount);
  }
  return { own, byService, unallocated, prices, unitsConsumed };
}

/** The full cost of an institution in an allocation: own + everything allocated to it. */
function fullOf(allocation: Allocation, institution: string): { own: Decimal; allocated: Decimal; full: Decimal } {
  const own = allocation.own.get(institution) ?? ZERO;
  const allocated = sumMoney([...(allocation.byService.get(institution)?.values() ?? [])].map((s) => s.amount));
  return { own, allocated, full: own.plus(allocated) };
}

/** The middle value (the mean of the two middle ones for an even count), to the cent; null for none. */
export function medianOf(values: readonly Decimal[]): string | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle]! : sorted[middle - 1]!.plus(sorted[middle]!).div(2);
  return toMoneyString(median);
}

const rate = (value: Decimal | null | undefined) =>
  value ? value.toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed(4) : null;
const perUnit = (full: Decimal, units: Decimal | undefined) =>
  units && !units.isZero() ? toMoneyString(full.div(units)) : null;

/** The row of an institution that has no own items, allocation or consumption in the year. */
export function emptyRow(institution: Reference['institutions'][number], language: Language): FullCostInstitution {
  return {
    institutionCode: institution.code,
    name: language === 'lv' ? institution.name_lv : institution.name_en,
    own: '0.00',
    allocated: '0.00',
    full: '0.00',
    byService: [],
    perWorkstation: null,
    perUser: null,
    previousYearFull: null,
    change: null,
    changePercent: null,
  };
}

export function fullCostOf(
  current: Allocation,
  previous: Allocation | null,
  reference: Reference,
  drivers: AllocationFigures['drivers'],
  options: { cycleId: number; fiscalYear: number; stage: FullCost['stage']; language: Language },
): FullCost {
  const { language } = options;
  const serviceName = new Map(reference.services.map((s) => [s.code, language === 'lv' ? s.name_lv : s.name_en]));
  const nameOf = (service: string) =>
    service === '' ? NOT_SPECIFIED_LABEL[language] : (serviceName.get(service) ?? service);
  const codes = new Set([...current.own.keys(), ...current.byService.keys(), ...current.unitsConsumed.keys()]);
  const institutions: FullCostInstitution[] = reference.institutions
    .filter((i) => codes.has(i.code))
    .sort((a, b) => a.code.localeCompare(b.code, 'lv', { numeric: true }))
    .map((institution) => {
      const { own, allocated, full } = fullOf(current, institution.code);
      const previousFull = previous ? toMoneyString(fullOf(previous, institution.code).full) : null;
      const units = current.unitsConsumed.get(institution.code);
      return {
        institutionCode: institution.code,
        name: language === 'lv' ? institution.name_lv : institution.name_en,
        own: toMoneyString(own),
        allocated: toMoneyString(allocated),
        full: toMoneyString(full),
        byService: [...(current.byService.get(institution.code) ?? [])]
          .sort(([a], [b]) => a.localeCompare(b, 'lv', { numeric: true }))
          .map(([serviceCode, { quantity, amount }]) => ({
            serviceCode,
            quantity: quantity === null ? null : quantity.toFixed(),
            unitCost: quantity === null ? null : rate(current.prices.get(serviceCode)?.unitCost),
            amount: toMoneyString(amount),
          })),
        perWorkstation: perUnit(full, units?.get(PER_UNIT.perWorkstation)),
        perUser: perUnit(full, units?.get(PER_UNIT.perUser)),
        previousYearFull: previousFull,
        ...changeAgainst(toMoneyString(full), previousFull),
      };
    });

  const driverOf = new Map(drivers.map((d) => [d.service_code, d]));
  const priced = new Set([...driverOf.keys(), ...current.prices.keys()]);
  const priceList: PriceListEntry[] = reference.services
    .filter((s) => priced.has(s.code))
    .map((service) => {
      const driver = driverOf.get(service.code);
      const price = current.prices.get(service.code);
      return {
        serviceCode: service.code,
        name: nameOf(service.code),
        unitLv: driver?.unit_lv ?? null,
        unitEn: driver?.unit_en ?? null,
        direct: driver?.unit_en === DIRECT_DRIVER,
        cost: price ? toMoneyString(price.cost) : null,
        quantity: price?.quantity?.toFixed() ?? null,
        unitCost: rate(price?.unitCost),
        previousUnitCost: rate(previous?.prices.get(service.code)?.unitCost),
      };
    });

  const unallocated = [...current.unallocated]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'lv', { numeric: true })))
    .map(([serviceCode, amount]) => ({ serviceCode, name: nameOf(serviceCode), amount: toMoneyString(amount) }));
  const figures = (pick: (i: FullCostInstitution) => string | null) =>
    institutions
      .map(pick)
      .filter((v): v is string => v !== null)
      .map((v) => new Decimal(v));
  return {
    cycleId: options.cycleId,
    fiscalYear: options.fiscalYear,
    stage: options.stage,
    institutions,
    unallocated,
    priceList,
    medians: {
      perWorkstation: medianOf(figures((i) => i.perWorkstation)),
      perUser: medianOf(figures((i) => i.perUser)),
    },
    total: toMoneyString(sumMoney([...institutions.map((i) => i.full), ...unallocated.map((u) => u.amount)])),
  };
}
