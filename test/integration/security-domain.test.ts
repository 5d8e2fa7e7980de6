import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { consolidationSchema } from '@ikt/shared/consolidation.schema';
import { cycleSchema } from '@ikt/shared/cycle.schema';
import { indicatorsAnswerSchema, indicatorsSchema } from '@ikt/shared/indicators.schema';
import { lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { MAX_AMOUNT, parseMoney, sumMoney, toMoneyString } from '@ikt/shared/money';
import { scenarioListSchema, scenarioSchema } from '@ikt/shared/scenario.schema';
import { subProgrammeListSchema, subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { isUnstorableCharacter } from '@ikt/server/database-errors';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ADMIN, ITC_FINANCE, cycleIdWithStatus, leadOf, lineItemsOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';
import { scenarioInput } from '../helpers/scenario';

/**
 * Security issue #13 in the budget domain, each finding proved on the real database:
 * 3 — a lead reads only its own institution's figures of an unpublished cycle's indicators;
 * 6 — control characters in any text are a 400 naming the field, never a 500 or stored;
 * 7 — amounts at their bound compute scenarios exactly (the sums have room);
 * 9 — a sub-programme code belongs to its institution (no squatting, no probing other codes).
 */

const EN = { 'accept-language': 'en' };

const people = { lead: leadOf('IKSD'), leadLd: leadOf('LD'), leadId: leadOf('ID'), itc: ITC_FINANCE, admin: ADMIN };
const { t, lead, leadLd, leadId, itc, admin } = demoAppForFile(people);
let openCycleId: number;
let approvedCycleId: number;
let iksdSubProgrammeId: number;
let iksdItem: LineItem;

beforeAll(async () => {
  openCycleId = await cycleIdWithStatus(itc, 'open');
  approvedCycleId = await cycleIdWithStatus(itc, 'approved');
  iksdSubProgrammeId = (await subProgrammeByCode(lead, openCycleId, 'IKT.IKSD.01')).id;
  iksdItem = (await lineItemsOf(lead, iksdSubProgrammeId))[0]!;
});

const newestAuditEventId = async () =>
  auditEventListSchema.parse((await admin.get('/api/audit?limit=1')).json())[0]?.id;

const etagOf = async (client: TestClient, url: string) => {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return String(response.headers.etag);
};

describe('finding 3: indicators of a cycle not yet approved are the city’s, not a lead’s', () => {
  beforeAll(async () => {
    const inputs = { municipalBudgetTotal: '1600000000.00', ictUsers: 9500, computers: 8200, itStaff: 95 };
    expect((await itc.put(`/api/cycles/${openCycleId}/indicators`, inputs)).statusCode).toBe(200);
  });

  it('a lead of an open cycle gets its own institution’s ICT budget and no city-wide figure', async () => {
    const city = indicatorsSchema.parse((await itc.get(`/api/cycles/${openCycleId}/indicators`)).json());
    const response = await lead.get(`/api/cycles/${openCycleId}/indicators`);
    expect(response.statusCode, response.body).toBe(200);
    const answer = indicatorsAnswerSchema.parse(response.json());
    if (answer.scope !== 'institution') throw new Error(`expected the institution scope, got ${response.body}`);

    const own = subProgrammeListSchema.parse((await lead.get(`/api/cycles/${openCycleId}/sub-programmes`)).json());
    const ownTotal = toMoneyString(sumMoney(own.map((s) => s.totals['2027'] ?? '0')));
    expect(answer).toMatchObject({ institutionCode: 'IKSD', institutionIctBudgetTotal: ownTotal, fiscalYear: 2027 });
    // Nothing of the city's: not its ICT total, not ITC's inputs, not this year's ratios.
    expect(response.body).not.toContain(city.ictBudgetTotal);
    expect(response.body).not.toContain('1600000000');
    expect(response.json()).not.toHaveProperty('inputs');
    expect(response.json()).not.toHaveProperty('ictBudgetTotal');
    expect(answer.indicators.every((i) => i.value === null)).toBe(true);
    // Last year's are the approved cycle's published figures, and the benchmarks are public.
    expect(answer.indicators.map((i) => [i.indicator, i.previousYear, i.benchmark])).toEqual(
      city.indicators.map((i) => [i.indicator, i.previousYear, i.benchmark]),
    );
  });

  it('a lead of a new draft cycle sees nothing of the city’s either', async () => {
    const created = await itc.post('/api/cycles', { year: 2031, title: 'Indikatoru melnraksts' });
    expect(created.statusCode, created.body).toBe(201);
    const id = cycleSchema.parse(created.json()).id;
    const answer = indicatorsAnswerSchema.parse((await lead.get(`/api/cycles/${id}/indicators`)).json());
    expect(answer).toMatchObject({ scope: 'institution', institutionCode: 'IKSD', institutionIctBudgetTotal: '0.00' });
  });

  it('the approved cycle’s published indicators are the same for a lead as for ITC', async () => {
    const forItc = (await itc.get(`/api/cycles/${approvedCycleId}/indicators`)).json() as unknown;
    const forLead = await lead.get(`/api/cycles/${approvedCycleId}/indicators`);
    expect(forLead.statusCode, forLead.body).toBe(200);
    expect(indicatorsAnswerSchema.parse(forLead.json())).toEqual(indicatorsAnswerSchema.parse(forItc));
    expect(indicatorsAnswerSchema.parse(forItc).scope).toBe('city');
  });

  it('ITC, the council and an administrator still get the city’s figures of the open cycle', async () => {
    const council = await t.signIn('council@riga.example');
    for (const [who, client] of Object.entries({ itc, council, admin })) {
      const answer = indicatorsAnswerSchema.parse((await client.get(`/api/cycles/${openCycleId}/indicators`)).json());
      expect(answer.scope, who).toBe('city');
    }
  });
});

describe('finding 6: control characters in text are refused as 400 naming the field', () => {
  const BAD = { nul: 'Nulle\u0000baits', escape: 'Atsoļa\u001bzīme', c1: 'Rindas\u0085beigas' };

  interface Case {
    route: string;
    path: string;
    /** 400, but the batch checks its rows itself and answers 422 for every problem at once. */
    status?: number;
    send: (value: string) => Promise<LightMyRequestResponse>;
    /** What must read the same afterwards (besides the audit log). */
    look?: () => Promise<unknown>;
  }

  const itemUrl = () => `/api/line-items/${iksdItem.id}`;
  const itemBody = {
    title: 'Teksta pārbaude',
    ekkCode: '2251',
    costNature: 'maintenance',
    priority: 'low',
    amounts: { '2027': '10.00' },
  };
  const readItems = async () => (await lead.get(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`)).json();
  const ITEM_TEXT = ['title', 'description', 'unit', 'businessNeed', 'legalBasis', 'impactIfCut', 'calculationBasis'];

  const cases: Case[] = [
    ...ITEM_TEXT.map((field) => ({
      route: 'POST /api/sub-programmes/:id/line-items',
      path: `body.${field}`,
      send: (value: string) =>
        lead.post(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`, { ...itemBody, [field]: value }, EN),
      look: readItems,
    })),
    ...ITEM_TEXT.map((field) => ({
      route: 'PATCH /api/line-items/:id',
      path: `body.${field}`,
      send: async (value: string) =>
        lead.patch(itemUrl(), { [field]: value }, { 'if-match': await etagOf(lead, itemUrl()), ...EN }),
      look: readItems,
    })),
    {
      route: 'POST /api/sub-programmes/:id/line-items/batch',
      path: 'items.1.impactIfCut',
      status: 422,
      send: (value) =>
        lead.post(
          `/api/sub-programmes/${iksdSubProgrammeId}/line-items/batch`,
          { items: [itemBody, { ...itemBody, impactIfCut: value }] },
          EN,
        ),
      look: readItems,
    },
    {
      route: 'POST /api/line-items/:id/comments',
      path: 'body.body',
      send: (value) => lead.post(`${itemUrl()}/comments`, { body: value }, EN),
      look: async () => (await lead.get(`${itemUrl()}/comments`)).json(),
    },
    {
      route: 'POST /api/line-items/:id/review',
      path: 'body.comment',
      send: (value) => itc.post(`${itemUrl()}/review`, { decision: 'return', comment: value }, EN),
      look: readItems,
    },
    {
      route: 'POST /api/cycles/:id/sub-programmes',
      path: 'body.name',
      send: (value) => lead.post(`/api/cycles/${openCycleId}/sub-programmes`, { code: 'IKT.IKSD.T6', name: value }, EN),
      look: async () => (await lead.get(`/api/cycles/${openCycleId}/sub-programmes`)).json(),
    },
    {
      route: 'PATCH /api/sub-programmes/:id',
      path: 'body.name',
      send: async (value) => {
        const url = `/api/sub-programmes/${iksdSubProgrammeId}`;
        return lead.patch(url, { name: value }, { 'if-match': await etagOf(lead, url), ...EN });
      },
      look: async () => (await lead.get(`/api/sub-programmes/${iksdSubProgrammeId}`)).json(),
    },
    {
      route: 'POST /api/sub-programmes/:id/return',
      path: 'body.comment',
      send: (value) => itc.post(`/api/sub-programmes/${iksdSubProgrammeId}/return`, { comment: value }, EN),
    },
    {
      route: 'POST /api/sub-programmes/:id/accept',
      path: 'body.comment',
      send: (value) => itc.post(`/api/sub-programmes/${iksdSubProgrammeId}/accept`, { comment: value }, EN),
    },
    {
      route: 'POST /api/cycles',
      path: 'body.title',
      send: (value) => itc.post('/api/cycles', { year: 2040, title: value }, EN),
      look: async () => (await itc.get('/api/cycles')).json(),
    },
    {
      route: 'PATCH /api/cycles/:id',
      path: 'body.title',
      send: async (value) => {
        const url = `/api/cycles/${openCycleId}`;
        return itc.patch(url, { title: value }, { 'if-match': await etagOf(itc, url), ...EN });
      },
      look: async () => (await itc.get(`/api/cycles/${openCycleId}`)).json(),
    },
    {
      route: 'POST /api/cycles/:id/scenarios',
      path: 'body.name',
      send: (value) =>
        itc.post(`/api/cycles/${openCycleId}/scenarios`, scenarioInput(value, 'uniform', 'percent', '1'), EN),
      look: async () => (await itc.get(`/api/cycles/${openCycleId}/scenarios`)).json(),
    },
    ...(['nameLv', 'nameEn'] as const).map((field) => ({
      route: 'POST /api/ekk-codes',
      path: `body.${field}`,
      send: (value: string) =>
        admin.post(
          '/api/ekk-codes',
          { code: '2258', parentCode: '2250', nameLv: 'a', nameEn: 'a', [field]: value },
          EN,
        ),
      look: async () => (await admin.get('/api/ekk-codes?includeRetired=true')).json(),
    })),
    {
      route: 'PATCH /api/ekk-codes/:code',
      path: 'body.nameEn',
      send: (value) => admin.patch('/api/ekk-codes/2251', { nameEn: value }, EN),
      look: async () => (await admin.get('/api/ekk-codes?includeRetired=true')).json(),
    },
    {
      route: 'POST /api/ict-services',
      path: 'body.nameLv',
      send: (value) => admin.post('/api/ict-services', { code: 'NUL', nameLv: value, nameEn: 'a' }, EN),
      look: async () => (await admin.get('/api/ict-services')).json(),
    },
    {
      route: 'PATCH /api/ict-services/:code',
      path: 'body.nameEn',
      send: (value) => admin.patch('/api/ict-services/WS', { nameEn: value }, EN),
      look: async () => (await admin.get('/api/ict-services')).json(),
    },
    ...(['name', 'functionLv', 'functionEn', 'kind'] as const).map((field) => ({
      route: 'POST /api/information-systems',
      path: `body.${field}`,
      send: (value: string) =>
        admin.post(
          '/api/information-systems',
          { code: 'NULIS', name: 'a', functionLv: 'a', functionEn: 'a', kind: 'a', [field]: value },
          EN,
        ),
      look: async () => (await admin.get('/api/information-systems')).json(),
    })),
    {
      route: 'PATCH /api/information-systems/:code',
      path: 'body.functionLv',
      send: (value) => admin.patch('/api/information-systems/APUS', { functionLv: value }, EN),
      look: async () => (await admin.get('/api/information-systems')).json(),
    },
    {
      route: 'POST /api/institutions',
      path: 'body.nameLv',
      send: (value) => admin.post('/api/institutions', { code: 'NULIE', nameLv: value, nameEn: 'a' }, EN),
      look: async () => (await admin.get('/api/institutions')).json(),
    },
    {
      route: 'PATCH /api/institutions/:id',
      path: 'body.nameEn',
      send: async (value) => {
        const institutions = (await admin.get('/api/institutions')).json() as { id: number; code: string }[];
        const id = institutions.find((i) => i.code === 'SAN')!.id;
        return admin.patch(`/api/institutions/${id}`, { nameEn: value }, EN);
      },
      look: async () => (await admin.get('/api/institutions')).json(),
    },
    {
      route: 'POST /api/users',
      path: 'body.name',
      send: (value) =>
        admin.post(
          '/api/users',
          { email: 'nul.user@riga.example', name: value, role: 'council', password: 'a-long-password-2027' },
          EN,
        ),
      look: async () => (await admin.get('/api/users')).json(),
    },
    {
      route: 'PATCH /api/users/:id',
      path: 'body.name',
      send: async (value) => {
        const users = (await admin.get('/api/users')).json() as { id: number; email: string }[];
        const id = users.find((u) => u.email === 'council@riga.example')!.id;
        return admin.patch(`/api/users/${id}`, { name: value }, EN);
      },
      look: async () => (await admin.get('/api/users')).json(),
    },
    {
      route: 'GET /api/cycles/:id/consolidation?institution=',
      path: 'querystring.institution',
      send: (value) =>
        itc.get(`/api/cycles/${openCycleId}/consolidation?by=institution&institution=${encodeURIComponent(value)}`, EN),
    },
    {
      route: 'GET /api/audit?entityType=',
      path: 'querystring.entityType',
      send: (value) => admin.get(`/api/audit?entityType=${encodeURIComponent(value)}`, EN),
    },
    {
      route: 'GET /api/audit?entityId=',
      path: 'querystring.entityId',
      send: (value) => admin.get(`/api/audit?entityId=${encodeURIComponent(value)}`, EN),
    },
  ];

  it.each(cases.flatMap((c) => Object.entries(BAD).map(([kind, value]) => ({ ...c, kind, value }))))(
    '$route refuses $kind in $path and changes nothing',
    async ({ send, path, status, look, value }) => {
      const auditBefore = await newestAuditEventId();
      const before = look ? await look() : undefined;
      const problem = expectProblem(await send(value), status ?? 400);
      expect(problem.errors).toContainEqual({
        path,
        message: 'Text may not hold control characters (other than tab and line breaks)',
      });
      expect(await newestAuditEventId()).toBe(auditBefore);
      if (look) expect(await look()).toEqual(before);
    },
  );

  it('recognises PostgreSQL’s own refusal of such a character, should one get past the rule', async () => {
    const refusal = async (statement: Promise<unknown>) => {
      try {
        await statement;
      } catch (error) {
        return error;
      }
      throw new Error('PostgreSQL stored it');
    };
    const inText = await refusal(sql`SELECT ${'a\u0000b'}::text`.execute(t.database.db));
    const inJson = await refusal(sql`SELECT ${'{"a": "\\u0000"}'}::jsonb`.execute(t.database.db));
    expect([inText, inJson].map((error) => (error as { code?: string }).code)).toEqual(['22021', '22P05']);
    expect(isUnstorableCharacter(inText) && isUnstorableCharacter(inJson)).toBe(true);
    expect(isUnstorableCharacter({ code: '23505' })).toBe(false);
  });

  it('keeps tabs and line breaks, and stores a Windows line break (\\r\\n, as Excel pastes it) as \\n', async () => {
    const response = await lead.post(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`, {
      ...itemBody,
      title: 'Tabulācija\tun rinda',
      businessNeed: 'Pirmā rinda\r\notrā rinda\rtrešā\nceturtā',
    });
    expect(response.statusCode, response.body).toBe(201);
    const created = lineItemSchema.parse(response.json());
    expect(created.title).toBe('Tabulācija\tun rinda');
    expect(created.businessNeed).toBe('Pirmā rinda\notrā rinda\ntrešā\nceturtā');
    const stored = await sql<{
      business_need: string;
    }>`SELECT business_need FROM line_item WHERE id = ${created.id}`.execute(t.database.db);
    expect(stored.rows[0]!.business_need).toBe('Pirmā rinda\notrā rinda\ntrešā\nceturtā');
    expect(
      (await lead.delete(`/api/line-items/${created.id}`, { 'if-match': `"${created.version}"` })).statusCode,
    ).toBe(204);
  });
});

describe('finding 7: items at the amount bound compute a scenario exactly', () => {
  let subProgrammeId: number;

  beforeAll(async () => {
    const created = await lead.post(`/api/cycles/${openCycleId}/sub-programmes`, {
      code: 'IKT.IKSD.R7',
      name: 'Robežsummas',
    });
    expect(created.statusCode, created.body).toBe(201);
    subProgrammeId = subProgrammeSchema.parse(created.json()).id;
  });

  const bigItem = (title: string) => ({
    title,
    ekkCode: '2251',
    costNature: 'maintenance',
    priority: 'low',
    rank: 900,
    amounts: { '2027': MAX_AMOUNT, '2028': MAX_AMOUNT, '2029': MAX_AMOUNT },
  });

  it('accepts an item at the bound and refuses one cent more, naming the year', async () => {
    const first = await lead.post(`/api/sub-programmes/${subProgrammeId}/line-items`, bigItem('Robeža 1'));
    expect(first.statusCode, first.body).toBe(201);
    expect(lineItemSchema.parse(first.json()).amounts['2027']).toBe(MAX_AMOUNT);
    const second = await lead.post(`/api/sub-programmes/${subProgrammeId}/line-items`, bigItem('Robeža 2'));
    expect(second.statusCode, second.body).toBe(201);

    const over = toMoneyString(parseMoney(MAX_AMOUNT).plus('0.01'));
    const problem = expectProblem(
      await lead.post(
        `/api/sub-programmes/${subProgrammeId}/line-items`,
        { ...bigItem('Pāri robežai'), amounts: { '2028': over } },
        EN,
      ),
      400,
    );
    expect(problem.errors?.map((e) => e.path)).toEqual(['body.amounts.2028']);
    expect(
      expectProblem(
        await lead.post(
          `/api/sub-programmes/${subProgrammeId}/line-items`,
          { ...bigItem('Cena pāri robežai'), unitPrice: over },
          EN,
        ),
        400,
      ).errors?.map((e) => e.path),
    ).toEqual(['body.unitPrice']);
  });

  it('computes both methods over a year that sums to more than one item can hold, to the cent', async () => {
    const consolidated = consolidationSchema.parse(
      (await itc.get(`/api/cycles/${openCycleId}/consolidation?by=institution`)).json(),
    );
    const yearTotal = consolidated.total.amounts['2027']!;
    expect(parseMoney(yearTotal).greaterThan(MAX_AMOUNT)).toBe(true);

    const priority = await itc.post(
      `/api/cycles/${openCycleId}/scenarios`,
      scenarioInput('Robežas prioritārais', 'priority', 'amount', MAX_AMOUNT),
    );
    expect(priority.statusCode, priority.body).toBe(201);
    const byPriority = scenarioSchema.parse(priority.json());
    expect(byPriority.yearTotalBefore).toBe(yearTotal);
    expect(byPriority.targetAmount).toBe(MAX_AMOUNT);
    expect(byPriority.achieved).toBe(toMoneyString(sumMoney(byPriority.cuts.map((c) => c.cut))));
    expect(byPriority.yearTotalAfter).toBe(toMoneyString(parseMoney(yearTotal).minus(byPriority.achieved)));
    expect(byPriority.overshoot).toBe(toMoneyString(parseMoney(byPriority.achieved).minus(MAX_AMOUNT)));

    const uniform = await itc.post(
      `/api/cycles/${openCycleId}/scenarios`,
      scenarioInput('Robežas vienādais', 'uniform', 'percent', '99.99'),
    );
    expect(uniform.statusCode, uniform.body).toBe(201);
    const byUniform = scenarioSchema.parse(uniform.json());
    expect(byUniform.yearTotalBefore).toBe(yearTotal);
    expect(byUniform.targetAmount).toBe(toMoneyString(parseMoney(yearTotal).times('0.9999')));
    expect(byUniform.achieved).toBe(byUniform.targetAmount);
    expect(toMoneyString(sumMoney(byUniform.cuts.map((c) => c.cut)))).toBe(byUniform.achieved);
    expect(parseMoney(byUniform.maxReduction).greaterThan(MAX_AMOUNT)).toBe(true);

    // Read back from the database as stored: the same figures.
    expect(scenarioSchema.parse((await itc.get(`/api/scenarios/${byUniform.id}`)).json())).toEqual(byUniform);
    const listed = scenarioListSchema.parse((await itc.get(`/api/cycles/${openCycleId}/scenarios`)).json());
    expect(listed.find((s) => s.id === byPriority.id)?.yearTotalBefore).toBe(yearTotal);
  });

  it('sizes every scenario column that stores a sum for the largest sum a year can hold', async () => {
    const { rows } = await sql<{ column_name: string; numeric_precision: number; numeric_scale: number }>`
      SELECT column_name, numeric_precision, numeric_scale FROM information_schema.columns
       WHERE table_name = 'scenario' AND data_type = 'numeric' ORDER BY column_name`.execute(t.database.db);
    expect(Object.fromEntries(rows.map((r) => [r.column_name, [r.numeric_precision, r.numeric_scale]]))).toEqual({
      achieved: [24, 2],
      max_reduction: [24, 2],
      overshoot: [24, 2],
      target_amount: [24, 2],
      target_value: [14, 2],
      year_total_before: [24, 2],
    });
  });
});

describe('finding 9: a sub-programme code belongs to its institution', () => {
  const create = (client: TestClient, body: object) =>
    client.post(`/api/cycles/${openCycleId}/sub-programmes`, body, EN);
  const CODE_MESSAGE = (prefix: string) => `The code must begin with ${prefix}`;

  it('a lead cannot take another institution’s code: refused as 422 naming the code, and nothing is made', async () => {
    const before = await newestAuditEventId();
    const problem = expectProblem(await create(lead, { code: 'IKT.ID.99', name: 'Aizņemts kods' }), 422);
    expect(problem.errors).toEqual([{ path: 'body.code', message: CODE_MESSAGE('IKT.IKSD.') }]);
    expect(await newestAuditEventId()).toBe(before);
    // ĪD's own lead may take it, written with or without the long vowel.
    expect((await create(leadId, { code: 'IKT.ID.99', name: 'Savs kods' })).statusCode).toBe(201);
    expect((await create(leadId, { code: 'IKT.ĪD.98', name: 'Savs kods' })).statusCode).toBe(201);
  });

  it('another institution’s existing code answers exactly as a free one would (no 409 that tells it exists)', async () => {
    const existing = await create(lead, { code: 'IKT.LD.01', name: 'Zondēšana' });
    const free = await create(lead, { code: 'IKT.LD.97', name: 'Zondēšana' });
    expect(existing.statusCode).toBe(422);
    expect(existing.body).toBe(free.body);
    // An existing code of the lead's own institution is a conflict, as before.
    expectProblem(await create(lead, { code: 'IKT.IKSD.01', name: 'Dublikāts' }), 409);
  });

  it('holds for ITC too: an institution’s sub-programme gets that institution’s code, the central one ITC’s', async () => {
    const institutions = (await itc.get('/api/institutions')).json() as { id: number; code: string }[];
    const ld = institutions.find((i) => i.code === 'LD')!.id;
    const wrong = expectProblem(await create(itc, { code: 'IKT.IKSD.77', name: 'LD', institutionId: ld }), 422);
    expect(wrong.errors).toEqual([{ path: 'body.code', message: CODE_MESSAGE('IKT.LD.') }]);
    expect((await create(itc, { code: 'IKT.LD.77', name: 'LD', institutionId: ld })).statusCode).toBe(201);
    // A lead's body naming another institution still makes its own: and so the code must be its own.
    const named = expectProblem(await create(leadLd, { code: 'IKT.IKSD.76', name: 'x', institutionId: 1 }), 422);
    expect(named.errors).toEqual([{ path: 'body.code', message: CODE_MESSAGE('IKT.LD.') }]);

    const cycle = await itc.post('/api/cycles', { year: 2032, title: 'Centrālās kods' });
    const cycleId = cycleSchema.parse(cycle.json()).id;
    const central = (code: string) =>
      itc.post(`/api/cycles/${cycleId}/sub-programmes`, { code, name: 'Centrālā', kind: 'central' }, EN);
    expect(expectProblem(await central('IKT.SD.01'), 422).errors).toEqual([
      { path: 'body.code', message: CODE_MESSAGE('IKT.ITC.') },
    ]);
    expect((await central('IKT.ITC.01')).statusCode).toBe(201);
  });

  it('the lead’s own prefix is accepted in the form the sub-programme dialog pre-fills', async () => {
    const response = await lead.post(`/api/cycles/${openCycleId}/sub-programmes`, {
      code: 'IKT.IKSD.SAVS',
      name: 'Sava apakšprogramma',
    });
    expect(response.statusCode, response.body).toBe(201);
  });
});
