import { beforeAll, describe, expect, it } from 'vitest';
import { consolidationSchema } from '@ikt/shared/consolidation.schema';
import { indicatorsSchema } from '@ikt/shared/indicators.schema';
import { lineItemSchema } from '@ikt/shared/line-item.schema';
import { Decimal, formatMoneyLv, parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import {
  scenarioComparisonSchema,
  scenarioInfeasibleSchema,
  scenarioListSchema,
  scenarioSchema,
  type Scenario,
} from '@ikt/shared/scenario.schema';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { COUNCIL, ITC_FINANCE, cycleIdWithStatus } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';
import { scenarioInput } from '../helpers/scenario';

const { t, itc, council } = demoAppForFile({ itc: ITC_FINANCE, council: COUNCIL });
let cycleId: number;

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
});

async function yearTotal(): Promise<string> {
  const result = consolidationSchema.parse(
    (await itc.get(`/api/cycles/${cycleId}/consolidation?by=institution`)).json(),
  );
  return result.total.amounts['2027']!;
}

async function compute(body: object, client = itc): Promise<Scenario> {
  const response = await client.post(`/api/cycles/${cycleId}/scenarios`, body);
  expect(response.statusCode, response.body).toBe(201);
  return scenarioSchema.parse(response.json());
}

describe('cut scenarios', () => {
  it('priority: whole items, low tier first, never mandatory, with the overshoot reported', async () => {
    const scenario = await compute(scenarioInput('Prioritārais', 'priority', 'amount', '100000'));
    expect(scenario.targetAmount).toBe('100000.00');
    expect(parseMoney(scenario.achieved).greaterThanOrEqualTo('100000')).toBe(true);
    expect(scenario.overshoot).toBe(toMoneyString(parseMoney(scenario.achieved).minus('100000')));
    expect(scenario.cuts.every((c) => c.priority !== 'mandatory' && c.after === '0.00' && c.cut === c.before)).toBe(
      true,
    );
    expect(scenario.cuts[0]!.impactIfCut.length).toBeGreaterThan(0);
    expect(toMoneyString(sumMoney(scenario.cuts.map((c) => c.cut)))).toBe(scenario.achieved);
    const cutTotal = sumMoney(scenario.institutions.map((i) => i.cut));
    expect(toMoneyString(cutTotal)).toBe(scenario.achieved);
    expect(scenario.yearTotalBefore).toBe(await yearTotal());
  });

  it('uniform: the same share off every non-mandatory item, summing exactly to a percent target', async () => {
    const before = await yearTotal();
    const scenario = await compute(scenarioInput('Mehāniskais', 'uniform', 'percent', '3.5'));
    const expected = parseMoney(before).times('3.5').div(100).toDecimalPlaces(2);
    expect(scenario.targetAmount).toBe(expected.toFixed(2));
    expect(scenario.achieved).toBe(scenario.targetAmount);
    expect(scenario.overshoot).toBe('0.00');
    expect(toMoneyString(sumMoney(scenario.cuts.map((c) => c.cut)))).toBe(scenario.targetAmount);
    expect(scenario.cuts.every((c) => c.priority !== 'mandatory')).toBe(true);
  });

  it('answers an infeasible target with 422 and the largest possible reduction', async () => {
    const feasible = await compute(scenarioInput('Maksimums', 'priority', 'amount', '0'));
    const tooMuch = toMoneyString(parseMoney(feasible.maxReduction).plus('0.01'));
    const refused = await itc.post(
      `/api/cycles/${cycleId}/scenarios`,
      scenarioInput('Par daudz', 'uniform', 'amount', tooMuch),
    );
    const problem = expectProblem(refused, 422);
    // In words a person reads: the largest cut as a percentage of the year and in euro, Latvian form.
    const largestPercent = parseMoney(feasible.maxReduction)
      .div(feasible.yearTotalBefore)
      .times(100)
      .toDecimalPlaces(2, Decimal.ROUND_DOWN)
      .toFixed(2)
      .replace(/\.?0+$/, '');
    const percentLv = `${largestPercent.replace('.', ',')}\u00a0%`;
    expect(problem.detail).toContain(formatMoneyLv(feasible.maxReduction));
    expect(problem.detail).toContain(formatMoneyLv(feasible.yearTotalBefore));
    expect(problem.detail).toContain(percentLv);
    expect(problem.errors).toEqual([
      { path: 'body.target.value', message: `Ne vairāk kā ${percentLv} (${formatMoneyLv(feasible.maxReduction)})` },
    ]);
    // And as data, for a form to word it itself; the percentage named is itself feasible.
    expect(scenarioInfeasibleSchema.parse(refused.json())).toMatchObject({
      fiscalYear: 2027,
      yearTotal: feasible.yearTotalBefore,
      largestReduction: feasible.maxReduction,
      largestPercent,
    });
    const atLargest = await itc.post(
      `/api/cycles/${cycleId}/scenarios`,
      scenarioInput('Lielākais', 'uniform', 'percent', largestPercent),
    );
    expect(atLargest.statusCode, atLargest.body).toBe(201);
    expectProblem(
      await itc.post(`/api/cycles/${cycleId}/scenarios`, scenarioInput('Gads', 'uniform', 'percent', '1', 2031)),
      422,
    );
  });

  it('compares the two methods per institution, with the impacts each would trigger', async () => {
    const list = scenarioListSchema.parse((await itc.get(`/api/cycles/${cycleId}/scenarios`)).json());
    const priority = list.find((s) => s.name === 'Prioritārais')!;
    const uniform = list.find((s) => s.name === 'Mehāniskais')!;
    const comparison = scenarioComparisonSchema.parse(
      (await council.get(`/api/scenarios/${priority.id}/compare/${uniform.id}`)).json(),
    );
    expect(comparison.left.method).toBe('priority');
    expect(comparison.right.method).toBe('uniform');
    const hitByUniform = comparison.institutions.filter((i) => i.rightItems.length > 0);
    expect(hitByUniform.length).toBeGreaterThan(comparison.institutions.filter((i) => i.leftItems.length > 0).length);
    for (const row of comparison.institutions) {
      const leftCut = sumMoney(row.leftItems.map((i) => i.cut));
      expect(toMoneyString(parseMoney(row.before).minus(leftCut))).toBe(row.leftAfter);
    }
  });

  it('only the council adopts, and only while the cycle is in review or consolidated', async () => {
    const scenario = await compute(scenarioInput('Pieņemšanai', 'priority', 'amount', '50000'));
    expectProblem(await itc.post(`/api/scenarios/${scenario.id}/adopt`), 403);
    expectProblem(await council.post(`/api/scenarios/${scenario.id}/adopt`), 409); // the cycle is open
    const lead = await t.signIn('lead.iksd@riga.example');
    expectProblem(await lead.get(`/api/scenarios/${scenario.id}`), 404);
  });

  it('adoption applies every cut in one transaction, audited; the totals follow; a stale scenario is refused', async () => {
    expect((await itc.post(`/api/cycles/${cycleId}/transition`, { to: 'review' })).statusCode).toBe(200);
    const before = await yearTotal();
    const priority = await compute(scenarioInput('Pieņemtais', 'priority', 'amount', '80000'));
    const uniform = await compute(scenarioInput('Novecojošais', 'uniform', 'amount', '1000'));

    const adopted = await council.post(`/api/scenarios/${priority.id}/adopt`);
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(scenarioSchema.parse(adopted.json()).adoptedAt).not.toBeNull();
    expect(await yearTotal()).toBe(toMoneyString(parseMoney(before).minus(priority.achieved)));

    const consolidation = consolidationSchema.parse(
      (await itc.get(`/api/cycles/${cycleId}/consolidation?by=priority`)).json(),
    );
    expect(consolidation.cut.itemCount).toBe(priority.cuts.length);
    expect(consolidation.cut.amounts['2027']).toBe(priority.achieved);

    const item = lineItemSchema.parse((await itc.get(`/api/line-items/${priority.cuts[0]!.lineItemId}`)).json());
    expect(item.reviewStatus).toBe('cut');
    const history = (await itc.get(`/api/line-items/${item.id}/history`)).json() as { action: string }[];
    expect(history.map((h) => h.action)).toContain('lineItem.cut');

    // The uniform scenario was computed before the adoption changed the items.
    const stale = scenarioSchema.parse((await council.get(`/api/scenarios/${uniform.id}`)).json());
    expect(stale.stale).toBe(true);
    expectProblem(await council.post(`/api/scenarios/${uniform.id}/adopt`), 409);
    expectProblem(await council.post(`/api/scenarios/${priority.id}/adopt`), 409);
    expect(await yearTotal()).toBe(toMoneyString(parseMoney(before).minus(priority.achieved)));
  });

  it('a uniform adoption reduces the amounts and keeps the items', async () => {
    const before = await yearTotal();
    const uniform = await compute(scenarioInput('Vienādais', 'uniform', 'amount', '1234.56'));
    expect((await council.post(`/api/scenarios/${uniform.id}/adopt`)).statusCode).toBe(200);
    expect(await yearTotal()).toBe(toMoneyString(parseMoney(before).minus('1234.56')));
    const cut = uniform.cuts[0]!;
    const item = lineItemSchema.parse((await itc.get(`/api/line-items/${cut.lineItemId}`)).json());
    expect(item.amounts['2027']).toBe(cut.after);
    expect(item.reviewStatus).not.toBe('cut');
  });
});

describe('indicators (M6)', () => {
  it('are computed from the inputs beside the benchmarks and last year', async () => {
    const subProgrammes = subProgrammeListSchema.parse((await itc.get(`/api/cycles/${cycleId}/sub-programmes`)).json());
    const ictTotal = toMoneyString(sumMoney(subProgrammes.map((s) => s.totals['2027']!)));
    const response = await itc.put(`/api/cycles/${cycleId}/indicators`, {
      municipalBudgetTotal: '1600000000.00',
      ictUsers: 9500,
      computers: 8200,
      itStaff: 95,
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = indicatorsSchema.parse(response.json());
    expect(result.ictBudgetTotal).toBe(ictTotal);
    const value = (name: string) => result.indicators.find((i) => i.indicator === name)!;
    expect(value('ict_central_budget_share').value).toBe(
      parseMoney(ictTotal).times(100).div('1600000000').toDecimalPlaces(2).toFixed(2),
    );
    expect(value('ict_cost_per_user').value).toBe(parseMoney(ictTotal).div(9500).toDecimalPlaces(2).toFixed(2));
    expect(value('users_per_it_staff').value).toBe('100.00');
    expect(value('users_per_it_staff').benchmark).toMatchObject({ riga2015: '100.00', peerAverage: '23.00' });
    // Last year's demo cycle has its inputs: 9 400 users, 94 IT staff.
    expect(value('users_per_it_staff').previousYear).toBe('100.00');
    expect(value('ict_central_budget_share').previousYear).not.toBeNull();

    const lead = await t.signIn('lead.iksd@riga.example');
    expectProblem(
      await lead.put(`/api/cycles/${cycleId}/indicators`, {
        municipalBudgetTotal: '1.00',
        ictUsers: 1,
        computers: 1,
        itStaff: 1,
      }),
      403,
    );
    expect((await lead.get(`/api/cycles/${cycleId}/indicators`)).statusCode).toBe(200);
  });
});
