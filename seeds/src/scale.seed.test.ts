import { beforeAll, describe, expect, it } from 'vitest';
import { MONEY_PATTERN, parseMoney } from '@ikt/shared/money';
import { readSeedCsv } from './csv';
import {
  createRandom,
  planScaleData,
  SCALE_INSTITUTIONS,
  SCALE_SUB_PROGRAMMES,
  type PlannedItem,
  type ScalePlan,
  type ScaleReference,
} from './scale.seed';

/** The reference data as seedReferenceData would load it, straight from the CSVs. */
async function csvReference(): Promise<ScaleReference> {
  const [institutions, ekk, goals, directions, services, systems] = await Promise.all(
    ['institutions', 'ekk', 'goals', 'action_directions', 'ict_services', 'information_systems'].map((name) =>
      readSeedCsv(`${name}.csv`),
    ),
  );
  const parents = new Set(ekk!.map((r) => r.parent).filter(Boolean));
  const goalsByDirection: Record<string, string[]> = {};
  for (const d of directions!) goalsByDirection[d.code!] = (d.goals ?? '').split(';').filter(Boolean).sort();
  const codes = (rows: Record<string, string>[]) => rows.map((r) => r.code!).sort();
  return {
    institutions: institutions!
      .map((r) => ({ code: r.code!, nameLv: r.name_lv!, isItc: r.is_itc === 'true' }))
      .sort((a, b) => (a.code < b.code ? -1 : 1)),
    ekkLeaves: codes(ekk!.filter((r) => !parents.has(r.code))),
    goals: codes(goals!),
    actionDirections: codes(directions!),
    goalsByDirection,
    services: codes(services!),
    systems: codes(systems!),
  };
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed, another for another', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

describe('planScaleData', () => {
  let reference: ScaleReference;
  let plan: ScalePlan;
  beforeAll(async () => {
    reference = await csvReference();
    plan = planScaleData(reference, { items: 3_000 });
  });

  it('is deterministic: the same seed gives the same data set', () => {
    const again = planScaleData(reference, { items: 3_000 });
    expect(again.fingerprint).toBe(plan.fingerprint);
    expect(JSON.stringify(again.current)).toBe(JSON.stringify(plan.current));
    expect(planScaleData(reference, { items: 3_000, seed: 99 }).fingerprint).not.toBe(plan.fingerprint);
  });

  it('has the asked-for shape: items, institutions, sub-programmes, one central owned by ITC', () => {
    expect(plan.current).toHaveLength(3_000);
    expect(reference.institutions.length + plan.institutions.length).toBe(SCALE_INSTITUTIONS);
    expect(plan.institutions[0]!.code).toBe('S001');
    expect(plan.subProgrammes).toHaveLength(SCALE_SUB_PROGRAMMES);
    expect(new Set(plan.subProgrammes.map((sp) => sp.code)).size).toBe(SCALE_SUB_PROGRAMMES);
    const central = plan.subProgrammes.filter((sp) => sp.kind === 'central');
    expect(central).toHaveLength(1);
    expect(reference.institutions.find((i) => i.code === central[0]!.institutionCode)?.isItc).toBe(true);
  });

  it('makes items that would pass submission: goals, legal basis, exact amounts, unique ranks', () => {
    const leaves = new Set(reference.ekkLeaves);
    const problems: string[] = [];
    const check = (ok: boolean, what: string, item: PlannedItem) => {
      if (!ok) problems.push(`${what}: ${JSON.stringify(item).slice(0, 200)}`);
    };
    for (const item of [...plan.current, ...plan.base]) {
      check(leaves.has(item.ekkCode), 'EKK code not a leaf', item);
      check(
        item.costNature === 'maintenance' || (item.goals.length >= 1 && item.goals.length <= 3),
        '1–3 goals for development and implementation',
        item,
      );
      check(item.priority !== 'mandatory' || item.legalBasis !== '', 'mandatory without legal basis', item);
      check(item.businessNeed !== '' && item.impactIfCut !== '', 'defence texts', item);
      check(
        plan.subProgrammes[item.subProgramme]!.kind !== 'central' || item.ictServiceCode !== null,
        'a central item names its service',
        item,
      );
      check(
        item.amounts.every((a) => MONEY_PATTERN.test(a)),
        'amounts are money strings',
        item,
      );
      check(
        item.amounts.some((a) => parseMoney(a).greaterThan(0)),
        'some year has an amount',
        item,
      );
    }
    // This year's figure of a priced item is quantity × unit price, to the cent.
    for (const item of plan.current) {
      if (item.quantity === null || item.unitPrice === null) continue;
      check(
        parseMoney(item.quantity).times(item.unitPrice).toFixed(2) === item.amounts[0],
        'quantity × unit price',
        item,
      );
    }
    expect(problems.slice(0, 5)).toEqual([]);

    for (const items of [plan.current, plan.base]) {
      const ranks = new Map<number, number[]>();
      for (const item of items) ranks.set(item.subProgramme, [...(ranks.get(item.subProgramme) ?? []), item.rank]);
      for (const list of ranks.values()) {
        expect([...list].sort((a, b) => a - b)).toEqual(list.map((_, i) => i + 1));
      }
    }
  });

  it('carries items from the base cycle within the same sub-programme', () => {
    const carried = plan.current.filter((item) => item.carriedFrom >= 0);
    expect(carried.length).toBeGreaterThan(plan.current.length / 2);
    const wrong = carried.filter((item) => {
      const origin = plan.base[item.carriedFrom]!;
      return origin.subProgramme !== item.subProgramme || origin.title !== item.title;
    });
    expect(wrong).toEqual([]);
    expect(new Set(carried.map((item) => item.carriedFrom)).size).toBe(carried.length);
  });
});
