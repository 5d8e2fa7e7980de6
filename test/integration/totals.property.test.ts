import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { cycleIdWithStatus, leadOf } from '../helpers/demo';

const { lead } = demoAppForFile({ lead: leadOf('SAN') });
let cycleId: number;

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(lead, 'open');
});

/** Cents as a decimal string, computed with BigInt: independent of the code under test. */
const asMoney = (cents: bigint) => `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
const YEARS = ['2027', '2028', '2029'] as const;

describe('sub-programme totals', () => {
  it('equal the exact sum of their items’ amounts, per fiscal year, for any items', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // Up to 10 billion euro an amount; a missing year means 0.
            amounts: fc.dictionary(fc.constantFrom(...YEARS), fc.bigInt({ min: 0n, max: 1_000_000_000_000n })),
          }),
          { minLength: 0, maxLength: 8 },
        ),
        async (items) => {
          run += 1;
          const created = await lead.post(`/api/cycles/${cycleId}/sub-programmes`, {
            code: `IKT.SAN.P${run}`,
            name: `Īpašību tests ${run}`,
          });
          expect(created.statusCode, created.body).toBe(201);
          const subProgrammeId = subProgrammeSchema.parse(created.json()).id;
          for (const item of items) {
            const response = await lead.post(`/api/sub-programmes/${subProgrammeId}/line-items`, {
              title: 'Pozīcija',
              ekkCode: '2259',
              costNature: 'maintenance',
              priority: 'medium',
              amounts: Object.fromEntries(Object.entries(item.amounts).map(([year, cents]) => [year, asMoney(cents)])),
            });
            expect(response.statusCode, response.body).toBe(201);
          }
          const totals = subProgrammeSchema.parse(
            (await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json(),
          ).totals;
          for (const year of YEARS) {
            const expected = items.reduce((sum, item) => sum + (item.amounts[year] ?? 0n), 0n);
            expect(totals[year]).toBe(asMoney(expected));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
