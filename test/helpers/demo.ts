import { cycleListSchema } from '@ikt/shared/cycle.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { expect } from 'vitest';
import { lineItemListSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { subProgrammeListSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import type { TestClient } from './app';

/** The demo users (seeds/src/demo-users.seed.ts), each with the password TEST_PASSWORD. */
export const ADMIN = 'admin@riga.example';
export const ITC_FINANCE = 'itc.finance@riga.example';
export const FINANCE_DEPARTMENT = 'fd@riga.example';
export const COUNCIL = 'council@riga.example';
/** The lead of an institution, by its code: `leadOf('IKSD')` is lead.iksd@riga.example. */
export const leadOf = (institutionCode: string) => `lead.${institutionCode.toLowerCase()}@riga.example`;

/** The demo data as a signed-in user reads it through the API, to find what a test works on. */

/** The id of the first cycle in this status (the demo data: 2026 approved, 2027 open). */
export async function cycleIdWithStatus(client: TestClient, status: CycleStatus): Promise<number> {
  const response = await client.get('/api/cycles');
  expect(response.statusCode, response.body).toBe(200);
  const cycles = cycleListSchema.parse(response.json());
  const cycle = cycles.find((c) => c.status === status);
  if (!cycle) throw new Error(`no ${status} cycle`);
  return cycle.id;
}

/** The sub-programmes of a cycle this user may see. */
export async function subProgrammesOf(client: TestClient, cycleId: number): Promise<SubProgramme[]> {
  const response = await client.get(`/api/cycles/${cycleId}/sub-programmes`);
  expect(response.statusCode, response.body).toBe(200);
  return subProgrammeListSchema.parse(response.json());
}

/** The sub-programme with this code in a cycle (IKT.IKSD.01: IKSD's first). */
export async function subProgrammeByCode(client: TestClient, cycleId: number, code: string): Promise<SubProgramme> {
  const found = (await subProgrammesOf(client, cycleId)).find((s) => s.code === code);
  if (!found) throw new Error(`no sub-programme ${code} in cycle ${cycleId}`);
  return found;
}

/** The items of a sub-programme, as its page lists them. */
export async function lineItemsOf(client: TestClient, subProgrammeId: number): Promise<LineItem[]> {
  const response = await client.get(`/api/sub-programmes/${subProgrammeId}/line-items`);
  expect(response.statusCode, response.body).toBe(200);
  return lineItemListSchema.parse(response.json());
}
