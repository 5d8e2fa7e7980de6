import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, subProgrammeByCode } from '../helpers/demo';
import { multipartFile } from './spreadsheets-support';

/**
 * Exports and imports run a few at a time per user (EXPENSIVE_REQUESTS_PER_USER, 2 by default),
 * over real connections to a listening server: the rest are answered 429 at once, others are
 * served meanwhile, and a place comes back when its work is done — also when the client hung up.
 */
const { t, lead, otherLead, itc } = demoAppForFile({ lead: leadOf('IKSD'), otherLead: leadOf('LD'), itc: ITC_FINANCE });
let base: string;
let cycleId: number;
let own: SubProgramme;
let others: SubProgramme;

beforeAll(async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  cycleId = await cycleIdWithStatus(itc, 'open');
  own = await subProgrammeByCode(itc, cycleId, 'IKT.IKSD.01');
  others = await subProgrammeByCode(itc, cycleId, 'IKT.LD.01');
});
afterAll(async () => {
  // fetch keeps its connections alive; the server must not wait for them to close.
  t.app.server.closeAllConnections();
  await t.close();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  type: string | null;
  body: string;
}

async function get(client: TestClient, path: string, signal?: AbortSignal): Promise<Answer> {
  const response = await fetch(`${base}${path}`, { headers: { cookie: client.cookie! }, signal });
  const body = response.headers.get('content-type')?.includes('json') ? await response.text() : '';
  if (!body) await response.arrayBuffer();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    type: response.headers.get('content-type'),
    body,
  };
}

const exportOf = (subProgramme: SubProgramme) => `/api/sub-programmes/${subProgramme.id}/export.xlsx`;
const count = (answers: Answer[], status: number) => answers.filter((a) => a.status === status).length;

describe('expensive requests, a few at a time per user', () => {
  it('runs two of six exports started at once by one lead, answers the rest 429, and serves others', async () => {
    const [leads, other, itcs] = await Promise.all([
      Promise.all(Array.from({ length: 6 }, () => get(lead, exportOf(own)))),
      get(otherLead, exportOf(others)),
      get(itc, `/api/cycles/${cycleId}/export.xlsx`),
    ]);
    expect(leads.map((a) => a.status).sort()).toEqual([200, 200, 429, 429, 429, 429]);
    for (const refused of leads.filter((a) => a.status === 429)) {
      expect(refused.retryAfter).toBe('5');
      expect(refused.type).toContain('application/problem+json');
      expect(JSON.parse(refused.body)).toMatchObject({
        status: 429,
        detail: expect.stringContaining('eksporti vai importi'),
      });
    }
    // The other users were served while the lead's two ran.
    expect(other.status).toBe(200);
    expect(itcs.status).toBe(200);
    // Their work done, the lead's places are free again.
    expect((await get(lead, exportOf(own))).status).toBe(200);
    const again = await Promise.all([get(lead, exportOf(own)), get(lead, `/api/sub-programmes/${own.id}/export.xlsx`)]);
    expect(again.map((a) => a.status)).toEqual([200, 200]);
  });

  it('counts an upload as one too: a third import at once is 429, streamed or not, before its file is read', async () => {
    const template = Buffer.from(
      await (await fetch(`${base}${exportOf(own)}`, { headers: { cookie: lead.cookie! } })).arrayBuffer(),
    );
    const upload = (accept: string) => {
      const { payload, headers } = multipartFile(template, 'veidne.xlsx');
      return fetch(`${base}/api/sub-programmes/${own.id}/import?dryRun=true`, {
        method: 'POST',
        headers: { ...headers, cookie: lead.cookie!, accept },
        body: payload,
      }).then(async (response) => ({
        status: response.status,
        type: response.headers.get('content-type') ?? '',
        retryAfter: response.headers.get('retry-after'),
        body: await response.text(),
      }));
    };
    const answers = await Promise.all([
      upload('application/json'),
      upload('application/json'),
      upload('application/x-ndjson'),
      upload('application/x-ndjson'),
    ]);
    expect(count(answers as Answer[], 200)).toBe(2);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(2);
    // Refused streamed imports are a problem of their own, not a 200 stream that fails later.
    for (const answer of refused) {
      expect(answer.type).toContain('application/problem+json');
      expect(answer.retryAfter).toBe('5');
    }
  });

  it('keeps the place of a client that hung up until its work is done, then frees it', async () => {
    const controllers = [new AbortController(), new AbortController()];
    const gone = controllers.map((c) => get(itc, `/api/cycles/${cycleId}/export.xlsx`, c.signal).catch(() => null));
    // Both exports have started (the server has them) when their clients hang up.
    await new Promise((resolve) => setTimeout(resolve, 30));
    for (const controller of controllers) controller.abort();
    await Promise.all(gone);
    // The work goes on: no third place while it does…
    expect((await get(itc, `/api/cycles/${cycleId}/export.xlsx`)).status).toBe(429);
    // …and once it is done, both places are back (none leaks).
    const deadline = Date.now() + 15_000;
    let answers: Answer[] = [];
    while (Date.now() < deadline) {
      answers = await Promise.all([
        get(itc, `/api/cycles/${cycleId}/export.xlsx`),
        get(itc, `/api/cycles/${cycleId}/export.xlsx`),
      ]);
      if (answers.every((a) => a.status === 200)) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
  });
});
