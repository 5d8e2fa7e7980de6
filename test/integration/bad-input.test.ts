import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, lineItemsOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * Bad input gets a clear answer and changes nothing: every refused write below is followed by a
 * look at the sub-programme, its items, the target item, its history and the newest audit event,
 * which must be exactly what they were before.
 */

const EN = { 'accept-language': 'en' };
const MONEY_MESSAGE =
  'An amount must be a non-negative decimal with a dot, at most 12 digits before it and 2 after it (e.g. 1234.56)';
const FISCAL_YEARS_MESSAGE = "The cycle's fiscal years are 2027, 2028, 2029";

const { lead, itc } = demoAppForFile({ lead: leadOf('IKSD'), itc: ITC_FINANCE });
let cycleId: number;
let subProgrammeId: number;
let item: LineItem;

/** A body that passes every rule, so each test breaks exactly one thing. */
const validItem = {
  title: 'Serveru virtualizācijas licences',
  ekkCode: '2251',
  costNature: 'maintenance',
  priority: 'medium',
  amounts: { '2027': '100.00', '2028': '200.00' },
  businessNeed: 'Skolu informācijas sistēmas darbojas virtuālajos serveros.',
  impactIfCut: 'Licences beigsies, sistēmas apstāsies.',
};

const itemsUrl = () => `/api/sub-programmes/${subProgrammeId}/line-items`;
const itemUrl = () => `/api/line-items/${item.id}`;
const ifMatch = () => ({ 'if-match': `"${item.version}"` });

interface State {
  subProgramme: unknown;
  items: unknown;
  item: unknown;
  history: unknown;
  newestAuditEvent: unknown;
}

async function state(): Promise<State> {
  const responses = await Promise.all([
    lead.get(`/api/sub-programmes/${subProgrammeId}`),
    lead.get(itemsUrl()),
    lead.get(itemUrl()),
    lead.get(`/api/line-items/${item.id}/history`),
    itc.get('/api/audit?limit=1'),
  ]);
  for (const response of responses) {
    expect(response.statusCode, response.body).toBe(200);
    expect(response.body).not.toMatch(/password|argon2/i);
  }
  const [subProgramme, items, one, history, audit] = responses.map((r) => r.json() as unknown);
  return {
    subProgramme: subProgrammeSchema.parse(subProgramme),
    items: lineItemListSchema.parse(items),
    item: lineItemSchema.parse(one),
    history: auditEventListSchema.parse(history),
    newestAuditEvent: auditEventListSchema.parse(audit)[0]?.id,
  };
}

/** Makes a write that must be refused with `status`, and checks that nothing changed. */
async function refused(write: () => Promise<LightMyRequestResponse>, status: number) {
  const before = await state();
  const problem = expectProblem(await write(), status);
  expect(await state()).toEqual(before);
  return problem;
}

const postJson = (payload: string, headers: Record<string, string> = {}) =>
  lead.request({
    method: 'POST',
    url: itemsUrl(),
    payload,
    headers: { 'content-type': 'application/json', ...EN, ...headers },
  });

beforeAll(async () => {
  cycleId = await cycleIdWithStatus(lead, 'open');
  subProgrammeId = (await subProgrammeByCode(lead, cycleId, 'IKT.IKSD.01')).id;
  item = (await lineItemsOf(lead, subProgrammeId))[0]!;
});

describe('money that is not a decimal string with a dot and at most two decimals', () => {
  const badMoney: [string, string][] = [
    ['more than two decimals', '1.234'],
    ['an exponent', '1e3'],
    ['a decimal comma', '1,50'],
    ['a negative amount', '-5.00'],
    ['13 integer digits', '1234567890123'],
    ['13 integer digits with cents', '1000000000000.00'],
    ['a thousands separator', '1 000.00'],
    ['a leading plus', '+5'],
    ['a trailing dot', '5.'],
    ['a leading dot', '.5'],
    ['leading zeros', '007'],
    ['surrounding spaces', ' 5 '],
    ['an empty string', ''],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['hexadecimal', '0x10'],
    ['a euro sign', '5 €'],
  ];

  it.each(badMoney)('POST refuses %s (%j) with 400 naming body.amounts.2028', async (_label, value) => {
    const problem = await refused(
      () => lead.post(itemsUrl(), { ...validItem, amounts: { '2027': '10.00', '2028': value } }, EN),
      400,
    );
    expect(problem.title).toBe('Bad request');
    expect(problem.errors).toEqual([{ path: 'body.amounts.2028', message: MONEY_MESSAGE }]);
  });

  it.each(badMoney)('PATCH refuses %s (%j) with 400 naming body.amounts.2029', async (_label, value) => {
    const problem = await refused(
      () => lead.patch(itemUrl(), { amounts: { '2027': '10.00', '2029': value } }, { ...ifMatch(), ...EN }),
      400,
    );
    expect(problem.errors).toEqual([{ path: 'body.amounts.2029', message: MONEY_MESSAGE }]);
  });

  it('refuses a unit price with three decimals, naming body.unitPrice', async () => {
    const problem = await refused(() => lead.patch(itemUrl(), { unitPrice: '9.999' }, { ...ifMatch(), ...EN }), 400);
    expect(problem.errors).toEqual([{ path: 'body.unitPrice', message: MONEY_MESSAGE }]);
  });

  it.each([[1000], [10.5], [-1], [1e21], [true], [null], [{ value: '1.00' }], [['1.00']]])(
    'refuses %j instead of a string, naming body.amounts.2027',
    async (value) => {
      const post = await refused(() => lead.post(itemsUrl(), { ...validItem, amounts: { '2027': value } }, EN), 400);
      expect(post.errors).toEqual([{ path: 'body.amounts.2027', message: expect.any(String) }]);
      expect(post.errors![0]!.message.length).toBeGreaterThan(0);
      const patch = await refused(
        () => lead.patch(itemUrl(), { amounts: { '2027': value } }, { ...ifMatch(), ...EN }),
        400,
      );
      expect(patch.errors).toEqual([{ path: 'body.amounts.2027', message: expect.any(String) }]);
    },
  );

  it('describes a value of the wrong type as a wrong type, not as a missing one', async () => {
    // A number where a string belongs is present; "Required" sends the user looking for a gap.
    const problem = await refused(
      () => lead.patch(itemUrl(), { amounts: { '2027': 1000 } }, { ...ifMatch(), ...EN }),
      400,
    );
    expect(problem.errors).toEqual([{ path: 'body.amounts.2027', message: 'Invalid type: expected string' }]);
  });

  it('refuses the whole amounts object as a number or a list', async () => {
    for (const amounts of [1000, ['100.00'], '100.00']) {
      const problem = await refused(() => lead.post(itemsUrl(), { ...validItem, amounts }, EN), 400);
      expect(problem.errors).toEqual([{ path: 'body.amounts', message: expect.any(String) }]);
    }
  });

  it('refuses a fiscal year that is not four digits, naming it', async () => {
    const problem = await refused(
      () => lead.patch(itemUrl(), { amounts: { '27': '1.00' } }, { ...ifMatch(), ...EN }),
      400,
    );
    expect(problem.errors).toEqual([{ path: 'body.amounts.27', message: expect.any(String) }]);
  });

  it('says why a malformed fiscal year is wrong (the schema’s own message)', async () => {
    const problem = await refused(
      () => lead.patch(itemUrl(), { amounts: { '27': '1.00' } }, { ...ifMatch(), ...EN }),
      400,
    );
    expect(problem.errors).toEqual([{ path: 'body.amounts.27', message: 'A fiscal year is four digits' }]);
  });
});

describe('amounts for a year outside the cycle', () => {
  it.each(['2026', '2030', '1999'])('POST with %s answers 422 naming body.amounts.<year>', async (year) => {
    const problem = await refused(
      () => lead.post(itemsUrl(), { ...validItem, amounts: { '2027': '1.00', [year]: '5.00' } }, EN),
      422,
    );
    expect(problem.title).toBe('Unprocessable content');
    expect(problem.errors).toEqual([{ path: `body.amounts.${year}`, message: FISCAL_YEARS_MESSAGE }]);
  });

  it('PATCH names every wrong year and leaves the good year unwritten too', async () => {
    const problem = await refused(
      () =>
        lead.patch(
          itemUrl(),
          { title: 'Jauns nosaukums', amounts: { '2027': '5.00', '2026': '1.00', '2030': '1.00' } },
          { ...ifMatch(), ...EN },
        ),
      422,
    );
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { path: 'body.amounts.2026', message: FISCAL_YEARS_MESSAGE },
        { path: 'body.amounts.2030', message: FISCAL_YEARS_MESSAGE },
      ]),
    );
    expect(problem.errors).toHaveLength(2);
  });
});

describe('EKK codes an item may not use', () => {
  const groupMessage = 'This EKK code cannot be used on items (a group or retired code)';

  it.each([
    ['a group code', '2250', groupMessage],
    ['a top-level group', '2000', groupMessage],
    ['an unknown code', '9999', 'Unknown code'],
  ])('POST with %s (%s) answers 422 naming body.ekkCode', async (_label, ekkCode, message) => {
    const problem = await refused(() => lead.post(itemsUrl(), { ...validItem, ekkCode }, EN), 422);
    expect(problem.errors).toEqual([{ path: 'body.ekkCode', message }]);
  });

  it.each([
    ['a group code', '2250', groupMessage],
    ['an unknown code', '9999', 'Unknown code'],
  ])('PATCH to %s (%s) answers 422 naming body.ekkCode', async (_label, ekkCode, message) => {
    const problem = await refused(() => lead.patch(itemUrl(), { ekkCode }, { ...ifMatch(), ...EN }), 422);
    expect(problem.errors).toEqual([{ path: 'body.ekkCode', message }]);
  });

  it.each(['22500', '22a0', '', 2250])(
    'refuses the malformed EKK code %j with 400 naming body.ekkCode',
    async (ekkCode) => {
      const problem = await refused(() => lead.post(itemsUrl(), { ...validItem, ekkCode }, EN), 400);
      expect(problem.errors).toEqual([{ path: 'body.ekkCode', message: expect.any(String) }]);
    },
  );

  it('names every unknown reference at once', async () => {
    const problem = await refused(
      () =>
        lead.post(
          itemsUrl(),
          { ...validItem, ekkCode: '9999', ictServiceCode: 'NOPE', goalCodes: ['M99'], actionDirectionCode: 'R99' },
          EN,
        ),
      422,
    );
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(
      ['body.actionDirectionCode', 'body.ekkCode', 'body.goalCodes.M99', 'body.ictServiceCode'].sort(),
    );
  });
});

describe('fields nobody may set', () => {
  const forbidden: [string, unknown][] = [
    ['reviewStatus', 'accepted'],
    ['version', 99],
    ['institutionId', 1],
    ['id', 1],
    ['subProgrammeId', 1],
    ['carriedFromId', 1],
    ['createdAt', '2020-01-01T00:00:00Z'],
  ];

  it.each(forbidden)('POST with %s answers 400 (strict) and creates nothing', async (field, value) => {
    const problem = await refused(() => lead.post(itemsUrl(), { ...validItem, [field]: value }, EN), 400);
    expect(problem.errors).toEqual([{ path: 'body', message: `Unknown fields: ${field}` }]);
  });

  it.each(forbidden)('PATCH with %s answers 400 (strict) and changes nothing', async (field, value) => {
    const problem = await refused(
      () => lead.patch(itemUrl(), { title: 'Pārdēvēts', [field]: value }, { ...ifMatch(), ...EN }),
      400,
    );
    expect(problem.errors).toEqual([{ path: 'body', message: `Unknown fields: ${field}` }]);
  });

  it('PATCH of the sub-programme with status or owner answers 400 and changes nothing', async () => {
    const current = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json());
    for (const body of [{ status: 'accepted' }, { institutionId: 1 }, { name: 'X', version: 1 }]) {
      const problem = await refused(
        () => lead.patch(`/api/sub-programmes/${subProgrammeId}`, body, { 'if-match': `"${current.version}"`, ...EN }),
        400,
      );
      expect(problem.errors).toEqual([{ path: 'body', message: expect.stringMatching(/^Unknown fields: /) }]);
    }
  });
});

describe('bodies that are not plain JSON objects', () => {
  it.each([
    ['__proto__', '{"__proto__":{"x":1},"title":"a"}'],
    ['nested __proto__', '{"title":"a","amounts":{"__proto__":{"2027":"1.00"}}}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"x":1}},"title":"a"}'],
  ])('refuses a body with %s on POST and PATCH with 400', async (_label, payload) => {
    await refused(() => postJson(payload), 400);
    await refused(
      () =>
        lead.request({
          method: 'PATCH',
          url: itemUrl(),
          payload,
          headers: { 'content-type': 'application/json', ...ifMatch(), ...EN },
        }),
      400,
    );
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it.each([
    ['malformed JSON', '{"title":'],
    ['null', 'null'],
    ['a list', '[]'],
    ['a string', '"title"'],
    ['a number', '42'],
  ])('refuses %s as the body with 400', async (_label, payload) => {
    const problem = await refused(() => postJson(payload), 400);
    expect(problem.title).toBe('Bad request');
  });

  it('refuses a POST without a body with 400', async () => {
    await refused(() => lead.request({ method: 'POST', url: itemsUrl(), headers: EN }), 400);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml'])(
    'refuses content-type %s on a POST with 415',
    async (contentType) => {
      const problem = await refused(
        () =>
          lead.request({
            method: 'POST',
            url: itemsUrl(),
            payload: JSON.stringify(validItem),
            headers: { 'content-type': contentType, ...EN },
          }),
        415,
      );
      expect(problem.title).toBe('Unsupported media type');
    },
  );

  it('refuses content-type text/plain on a PATCH with 415', async () => {
    await refused(
      () =>
        lead.request({
          method: 'PATCH',
          url: itemUrl(),
          payload: JSON.stringify({ title: 'Pārdēvēts' }),
          headers: { 'content-type': 'text/plain', ...ifMatch(), ...EN },
        }),
      415,
    );
  });

  it('refuses a body over the size limit with 413', async () => {
    const problem = await refused(
      () => lead.post(itemsUrl(), { ...validItem, description: 'x'.repeat(1_100_000) }, EN),
      413,
    );
    expect(problem.title).toBe('Request too large');
  });
});

describe('requests from another site (CSRF)', () => {
  const foreign: [string, Record<string, string>][] = [
    ['Origin: https://evil.example', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    [
      'Sec-Fetch-Site: cross-site with our own Origin',
      { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:80' },
    ],
  ];

  it.each(foreign)('refuses a POST with %s with 403', async (_label, headers) => {
    const problem = await refused(() => lead.post(itemsUrl(), validItem, { ...headers, ...EN }), 403);
    expect(problem.detail).toBe('A request from another site was refused.');
  });

  it.each(foreign)('refuses a PATCH with %s with 403', async (_label, headers) => {
    await refused(() => lead.patch(itemUrl(), { title: 'Uzlauzts' }, { ...headers, ...ifMatch(), ...EN }), 403);
  });

  it.each(foreign)('refuses a DELETE with %s with 403 and the item stays', async (_label, headers) => {
    await refused(() => lead.delete(itemUrl(), { ...headers, ...ifMatch(), ...EN }), 403);
  });

  it('refuses a submit with a foreign Origin with 403', async () => {
    await refused(
      () => lead.post(`/api/sub-programmes/${subProgrammeId}/submit`, undefined, { origin: 'https://evil.example' }),
      403,
    );
  });

  it('still answers reads that carry a foreign Origin', async () => {
    const response = await lead.get(itemUrl(), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(response.statusCode).toBe(200);
  });
});

describe('path parameters', () => {
  it.each(['abc', '0', '-1', '1.5', '99999999999'])(
    'refuses /api/line-items/%s with 400 naming params.id',
    async (id) => {
      for (const response of [
        await lead.get(`/api/line-items/${id}`, EN),
        await lead.patch(`/api/line-items/${id}`, { title: 'X' }, { 'if-match': '"1"', ...EN }),
        await lead.delete(`/api/line-items/${id}`, { 'if-match': '"1"', ...EN }),
        await lead.post(`/api/sub-programmes/${id}/line-items`, validItem, EN),
      ]) {
        const problem = expectProblem(response, 400);
        expect(problem.errors).toEqual([{ path: 'params.id', message: expect.any(String) }]);
      }
    },
  );

  it('describes a non-numeric id as what it should be, not as missing', async () => {
    const problem = expectProblem(await lead.get('/api/line-items/abc', EN), 400);
    expect(problem.errors).toEqual([{ path: 'params.id', message: 'An id is a positive whole number' }]);
  });

  it.each(['1e1', '0x10', '%2010'])(
    'refuses the non-canonical id %s with 400 rather than reading it as a number',
    async (id) => {
      expectProblem(await lead.get(`/api/line-items/${id}`, EN), 400);
    },
  );
});

describe('language', () => {
  it('answers in Latvian by default and in English when asked', async () => {
    const body = { ...validItem, amounts: { '2027': '1,50' } };
    const lv = await refused(() => lead.post(itemsUrl(), body), 400);
    expect(lv.title).toBe('Nepareizs pieprasījums');
    expect(lv.detail).toBe('Pieprasījuma dati nav derīgi.');
    expect(lv.errors![0]!.message).toMatch(/^Summa jānorāda/);
    const en = await refused(() => lead.post(itemsUrl(), body, { 'accept-language': 'en-GB,en;q=0.9,lv;q=0.5' }), 400);
    expect(en.title).toBe('Bad request');
    expect(en.detail).toBe('The request data is not valid.');
    expect(en.errors![0]!.message).toBe(MONEY_MESSAGE);
  });

  it('words 415 and 403 in English too', async () => {
    const media = await refused(
      () =>
        lead.request({
          method: 'POST',
          url: itemsUrl(),
          payload: 'x',
          headers: { 'content-type': 'text/plain', ...EN },
        }),
      415,
    );
    expect(media.title).toBe('Unsupported media type');
    const csrf = await refused(() => lead.post(itemsUrl(), validItem, { origin: 'https://evil.example', ...EN }), 403);
    expect(csrf.title).toBe('Forbidden');
  });
});

describe('the same requests done right are accepted (the refusals above are about the input)', () => {
  it('accepts a same-origin PATCH and normalises money to two decimals', async () => {
    const response = await lead.patch(
      itemUrl(),
      { amounts: { '2027': '0.5', '2028': '0', '2029': '999999999999.99' } },
      { host: 'ikt.riga.example', origin: 'http://ikt.riga.example', 'sec-fetch-site': 'same-origin', ...ifMatch() },
    );
    expect(response.statusCode, response.body).toBe(200);
    const updated = lineItemSchema.parse(response.json());
    expect(updated.amounts).toEqual({ '2027': '0.50', '2028': '0.00', '2029': '999999999999.99' });
    expect(lineItemSchema.parse((await lead.get(itemUrl())).json()).amounts).toEqual(updated.amounts);
    item = updated;
  });

  it('accepts the item body that every refusal above started from', async () => {
    const response = await lead.post(itemsUrl(), validItem, { 'sec-fetch-site': 'same-origin' });
    expect(response.statusCode, response.body).toBe(201);
    expect(lineItemSchema.parse(response.json()).amounts).toEqual({
      '2027': '100.00',
      '2028': '200.00',
      '2029': '0.00',
    });
  });
});

describe('amounts at the limit', () => {
  it('keeps reading a sub-programme whose items each hold the largest amount allowed', async () => {
    // Each amount fits NUMERIC(14,2); their sum does not fit the 12 integer digits of an answer.
    const created = await lead.post(`/api/cycles/${cycleId}/sub-programmes`, { code: 'IKT.IKSD.99', name: 'Robežas' });
    expect(created.statusCode, created.body).toBe(201);
    const id = subProgrammeSchema.parse(created.json()).id;
    const big = { ...validItem, amounts: { '2027': '999999999999.99' } };
    expect((await lead.post(`/api/sub-programmes/${id}/line-items`, big)).statusCode).toBe(201);
    const second = await lead.post(`/api/sub-programmes/${id}/line-items`, { ...big, amounts: { '2027': '0.01' } });
    // Either the write is refused as a clear 4xx, or the totals are answered: never a 500 on reading.
    if (second.statusCode !== 201) expect(second.statusCode).toBeLessThan(500);
    const read = await lead.get(`/api/sub-programmes/${id}`);
    expect(read.statusCode, read.body).toBe(200);
    const list = await itc.get(`/api/cycles/${cycleId}/sub-programmes`);
    expect(list.statusCode, list.body).toBe(200);
  });
});
