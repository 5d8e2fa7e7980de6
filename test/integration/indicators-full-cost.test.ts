import { describe, expect, it } from 'vitest';
import { fullCostSchema, serviceConsumptionSchema, serviceDriversSchema } from '@ikt/shared/full-cost.schema';
import { fullCostIndicatorsSchema, type FullCostIndicators } from '@ikt/shared/indicators.schema';
import { Decimal, parseMoney } from '@ikt/shared/money';
import { benchmarkListSchema } from '@ikt/shared/reference.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * The M6 cost per user and per computer of an institution on its full cost: its own
 * sub-programmes plus its share of the ITC central sub-programme, divided by the users and the
 * workstations recorded for it, to the cent. The expectation is computed from what the API
 * answers elsewhere (the full cost, the drivers, the quantities).
 */

const { itc, lead } = demoAppForFile({ itc: ITC_FINANCE, lead: leadOf('IKSD') });

async function fullCostIndicators(client: TestClient, cycleId: number): Promise<FullCostIndicators> {
  const response = await client.get(`/api/cycles/${cycleId}/indicators/full-cost`);
  expect(response.statusCode, response.body).toBe(200);
  return fullCostIndicatorsSchema.parse(response.json());
}

/** Per institution, the largest quantity it consumes of a service counted in `unit` (the full cost's rule). */
async function unitsOf(cycleId: number, unit: string): Promise<Map<string, Decimal>> {
  const drivers = serviceDriversSchema.parse((await itc.get(`/api/cycles/${cycleId}/service-drivers`)).json());
  const counted = new Set(drivers.services.filter((s) => s.unitEn === unit).map((s) => s.serviceCode));
  const consumption = serviceConsumptionSchema.parse(
    (await itc.get(`/api/cycles/${cycleId}/service-consumption?fiscalYear=2027`)).json(),
  );
  const units = new Map<string, Decimal>();
  for (const row of consumption.rows.filter((r) => counted.has(r.serviceCode))) {
    units.set(row.institutionCode, Decimal.max(units.get(row.institutionCode) ?? 0, row.quantity));
  }
  return units;
}

const perUnit = (full: string, units: Decimal | undefined) =>
  units ? parseMoney(full).div(units).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : null;

describe('M6 cost indicators on the full cost', () => {
  it('divides an institution’s full cost (own + allocated) by its users and computers, to the cent', async () => {
    const cycleId = await cycleIdWithStatus(itc, 'open');
    const answer = await fullCostIndicators(itc, cycleId);
    expect(answer.fiscalYear).toBe(2027);
    const fullCost = fullCostSchema.parse((await itc.get(`/api/cycles/${cycleId}/full-cost?fiscalYear=2027`)).json());
    const users = await unitsOf(cycleId, 'users');
    const workstations = await unitsOf(cycleId, 'workstations');

    const iksd = answer.institutions.find((i) => i.institutionCode === 'IKSD')!;
    const iksdFull = fullCost.institutions.find((i) => i.institutionCode === 'IKSD')!;
    // An institution with an allocation: its full cost is more than its own sub-programmes.
    expect(parseMoney(iksd.allocated).isPositive() && !parseMoney(iksd.allocated).isZero()).toBe(true);
    expect(iksd).toMatchObject({ own: iksdFull.own, allocated: iksdFull.allocated, full: iksdFull.full });
    expect(parseMoney(iksd.full).equals(parseMoney(iksd.own).plus(iksd.allocated))).toBe(true);
    expect(iksd.values.ict_cost_per_user).toBe(perUnit(iksd.full, users.get('IKSD')));
    expect(iksd.values.ict_cost_per_user).not.toBeNull();
    // Not the own-only figure.
    expect(iksd.values.ict_cost_per_user).not.toBe(perUnit(iksd.own, users.get('IKSD')));

    expect(answer.institutions.map((i) => i.institutionCode)).toEqual(
      fullCost.institutions.map((i) => i.institutionCode),
    );
    for (const row of answer.institutions) {
      expect(row.values, row.institutionCode).toEqual({
        ict_cost_per_user: perUnit(row.full, users.get(row.institutionCode)),
        ict_cost_per_computer: perUnit(row.full, workstations.get(row.institutionCode)),
      });
    }
  });

  it('keeps the benchmarks beside the medians, and gives a lead its own row only', async () => {
    const cycleId = await cycleIdWithStatus(itc, 'open');
    const forItc = await fullCostIndicators(itc, cycleId);
    const fullCost = fullCostSchema.parse((await itc.get(`/api/cycles/${cycleId}/full-cost`)).json());
    const benchmarks = benchmarkListSchema
      .parse((await itc.get('/api/benchmarks')).json())
      .filter((b) => b.indicator === 'ict_cost_per_user' || b.indicator === 'ict_cost_per_computer');
    expect(forItc.indicators.map((i) => [i.indicator, i.unit, i.median])).toEqual([
      ['ict_cost_per_user', 'EUR', fullCost.medians.perUser],
      ['ict_cost_per_computer', 'EUR', fullCost.medians.perWorkstation],
    ]);
    expect(benchmarks.length).toBeGreaterThan(0);
    for (const benchmark of benchmarks) {
      expect(forItc.indicators.find((i) => i.indicator === benchmark.indicator)?.benchmark).toMatchObject({
        riga2015: benchmark.riga2015,
      });
    }

    const forLead = await fullCostIndicators(lead, cycleId);
    expect(forLead.institutions.map((i) => i.institutionCode)).toEqual(['IKSD']);
    expect(forLead.institutions[0]).toEqual(forItc.institutions.find((i) => i.institutionCode === 'IKSD'));
    expect(forLead.indicators).toEqual(forItc.indicators);
  });

  it('answers a cycle that does not exist as not found', async () => {
    expectProblem(await itc.get('/api/cycles/999999/indicators/full-cost'), 404);
  });
});
