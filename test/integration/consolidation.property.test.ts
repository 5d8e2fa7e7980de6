import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSOLIDATION_DIMENSIONS, consolidationSchema, type Consolidation } from '@ikt/shared/consolidation.schema';
import { COST_NATURES, PRIORITIES } from '@ikt/shared/domain';
import { subProgrammeListSchema, subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf } from '../helpers/demo';

// Random items added to the open demo cycle, then every dimension consolidated: the figures must
// hold for whatever the institutions enter. The oracle works in cents with BigInt, apart from the
// code under test.

const { itc, san, apc } = demoAppForFile({ itc: ITC_FINANCE, san: leadOf('SAN'), apc: leadOf('APC') });
const leads = [
  { client: san, code: 'SAN' },
  { client: apc, code: 'APC' },
];
let cycleId: number;
const YEARS = ['2027', '2028', '2029'] as const;

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(itc, 'open');
});

const asMoney = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
const cents = (money: string) => {
  const [whole, fraction = ''] = money.split('.');
  return BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
};

async function consolidate(by: string): Promise<Consolidation> {
  const response = await itc.get(`/api/cycles/${cycleId}/consolidation?by=${by}`);
  expect(response.statusCode, response.body).toBe(200);
  return consolidationSchema.parse(response.json());
}

const itemArbitrary = fc.record({
  lead: fc.integer({ min: 0, max: 1 }),
  ekkCode: fc.constantFrom('2210', '2251', '2252', '2259', '5238', '5239'),
  costNature: fc.constantFrom(...COST_NATURES),
  priority: fc.constantFrom(...PRIORITIES),
  goalCodes: fc.uniqueArray(fc.constantFrom<string>('M1', 'M2', 'M3', 'M5', 'M7'), { maxLength: 3 }),
  ictServiceCode: fc.constantFrom(null, 'WS', 'NET'),
  informationSystemCode: fc.constantFrom(null, 'APUS', 'BERIS'),
  actionDirectionCode: fc.constantFrom(null, 'R1', 'R3'),
  // Up to a billion euro a year; a missing year means nothing planned that year.
  amounts: fc.dictionary(fc.constantFrom(...YEARS), fc.bigInt({ min: 0n, max: 100_000_000_000n })),
});

describe('consolidation of random items', () => {
  it('partitions to the cent, agrees across dimensions and with the sub-programmes, attributes goals in full', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(itemArbitrary, { maxLength: 8 }), async (items) => {
        run += 1;
        const before = Object.fromEntries((await consolidate('goal')).rows.map((r) => [r.key, r.amounts]));
        const subProgrammeIds: number[] = [];
        for (const { client, code } of leads) {
          const created = await client.post(`/api/cycles/${cycleId}/sub-programmes`, {
            code: `IKT.${code}.Q${run}`,
            name: `Konsolidācijas īpašību tests ${run}`,
          });
          expect(created.statusCode, created.body).toBe(201);
          subProgrammeIds.push(subProgrammeSchema.parse(created.json()).id);
        }
        for (const { lead, amounts, ...fields } of items) {
          const response = await leads[lead]!.client.post(`/api/sub-programmes/${subProgrammeIds[lead]}/line-items`, {
            title: 'Pozīcija',
            ...fields,
            amounts: Object.fromEntries(Object.entries(amounts).map(([year, value]) => [year, asMoney(value)])),
          });
          expect(response.statusCode, response.body).toBe(201);
        }

        const subProgrammes = subProgrammeListSchema.parse(
          (await itc.get(`/api/cycles/${cycleId}/sub-programmes`)).json(),
        );
        const grandTotal = Object.fromEntries(
          YEARS.map((y) => [y, asMoney(subProgrammes.reduce((sum, s) => sum + cents(s.totals[y]!), 0n))]),
        );
        for (const by of CONSOLIDATION_DIMENSIONS) {
          const result = await consolidate(by);
          expect(result.total.amounts, by).toEqual(grandTotal);
          if (by === 'goal') continue;
          const partition = by === 'ekk' ? result.rows.filter((r) => r.level === 1) : result.rows;
          for (const year of YEARS) {
            const sum = partition.reduce((total, row) => total + cents(row.amounts[year]!), 0n);
            expect(asMoney(sum), `${by} ${year}`).toBe(grandTotal[year]);
          }
        }

        // Each goal's row grew by exactly the items that name it, each counted in full.
        const byGoal = await consolidate('goal');
        for (const row of byGoal.rows.filter((r) => r.key !== '')) {
          for (const year of YEARS) {
            const added = items
              .filter((item) => item.goalCodes.includes(row.key))
              .reduce((sum, item) => sum + (item.amounts[year] ?? 0n), 0n);
            expect(cents(row.amounts[year]!) - cents(before[row.key]?.[year] ?? '0.00'), `${row.key} ${year}`).toBe(
              added,
            );
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
