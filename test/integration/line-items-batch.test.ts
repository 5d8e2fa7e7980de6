import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema } from '@ikt/shared/audit.schema';
import { cycleListSchema } from '@ikt/shared/cycle.schema';
import { LINE_ITEM_BATCH_MAX, lineItemBatchSchema, lineItemListSchema } from '@ikt/shared/line-item.schema';
import { Decimal } from '@ikt/shared/money';
import { subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, leadOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/**
 * POST /api/sub-programmes/:id/line-items/batch — the rows pasted from Excel: all created in one
 * transaction, or none with every problem listed as `items.<index>.<field>`.
 */
const { t, lead, otherLead, itc } = demoAppForFile({ lead: leadOf('IKSD'), otherLead: leadOf('LD'), itc: ITC_FINANCE });
let cycleId: number;
let subProgrammeId: number;

const batchUrl = (id: number) => `/api/sub-programmes/${id}/line-items/batch`;

function row(title: string, amounts: Record<string, string>, extra: Record<string, unknown> = {}) {
  return {
    title,
    ekkCode: '5238',
    costNature: 'development',
    priority: 'medium',
    goalCodes: ['M1'],
    amounts,
    businessNeed: 'Skolām vajag stabilu tīklu.',
    impactIfCut: 'Mācības bez tīkla.',
    ...extra,
  };
}

async function itemsOf(id: number) {
  return lineItemListSchema.parse((await itc.get(`/api/sub-programmes/${id}/line-items`)).json());
}

async function auditCount(): Promise<number> {
  const response = await itc.get('/api/audit?entityType=line_item&limit=1000');
  return auditEventListSchema.parse(response.json()).length;
}

beforeAll(async () => {
  const cycles = cycleListSchema.parse((await lead.get('/api/cycles')).json());
  cycleId = cycles.find((c) => c.year === 2027 && c.status === 'open')!.id;
  subProgrammeId = (await subProgrammeByCode(lead, cycleId, 'IKT.IKSD.01')).id;
});

describe('creating many items at once', () => {
  it('creates three rows in order, with exact amounts, ranked after the existing items, each audited', async () => {
    const before = await itemsOf(subProgrammeId);
    const totalsBefore = subProgrammeSchema.parse(
      (await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json(),
    ).totals;
    const maxRank = Math.max(0, ...before.map((item) => item.rank));

    const response = await lead.post(batchUrl(subProgrammeId), {
      items: [
        row('Wi-Fi piekļuves punkti', { '2027': '1000.10', '2028': '0.20' }),
        row('Tīkla komutatori', { '2027': '0.01' }, { quantity: '12.5', unit: 'gab.', unitPrice: '80.00' }),
        row('Kabeļi', { '2027': '99999999999.99', '2029': '3.30' }, { rank: 7 }),
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const { items } = lineItemBatchSchema.parse(response.json());

    expect(items.map((item) => item.title)).toEqual(['Wi-Fi piekļuves punkti', 'Tīkla komutatori', 'Kabeļi']);
    expect(items.map((item) => item.amounts)).toEqual([
      { '2027': '1000.10', '2028': '0.20', '2029': '0.00' },
      { '2027': '0.01', '2028': '0.00', '2029': '0.00' },
      { '2027': '99999999999.99', '2028': '0.00', '2029': '3.30' },
    ]);
    expect(items[1]).toMatchObject({ quantity: '12.500', unit: 'gab.', unitPrice: '80.00' });
    // Without a rank an item follows the existing ones, in the order sent; a given rank is kept.
    expect(items.map((item) => item.rank)).toEqual([maxRank + 1, maxRank + 2, 7]);
    expect(new Set(items.map((item) => item.reviewStatus))).toEqual(new Set(['draft']));
    expect(items.every((item) => item.subProgrammeId === subProgrammeId)).toBe(true);

    const after = await itemsOf(subProgrammeId);
    expect(after.length).toBe(before.length + 3);
    const totals = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json()).totals;
    expect(totals['2027']).toBe(
      new Decimal(totalsBefore['2027']!).plus('1000.10').plus('0.01').plus('99999999999.99').toFixed(2),
    );
    expect(totals['2029']).toBe(new Decimal(totalsBefore['2029']!).plus('3.30').toFixed(2));

    // One create event per item, in the same request, holding what was created.
    const requestIds = new Set<string | null>();
    for (const item of items) {
      const history = auditEventListSchema.parse((await lead.get(`/api/line-items/${item.id}/history`)).json());
      expect(history.map((event) => event.action)).toEqual(['lineItem.create']);
      expect(history[0]!.after).toMatchObject({ id: item.id, title: item.title, amounts: item.amounts });
      requestIds.add(history[0]!.requestId);
    }
    expect(requestIds.size).toBe(1);
    expect([...requestIds][0]).toBe(response.headers['x-request-id']);
  });

  it('refuses the whole batch when one row of three is invalid, naming that row, and creates nothing', async () => {
    const before = await itemsOf(subProgrammeId);
    const events = await auditCount();
    const problem = expectProblem(
      await lead.post(batchUrl(subProgrammeId), {
        items: [row('Pirmā', { '2027': '10.00' }), row('', { '2027': '1,5' }), row('Trešā', { '2027': '30.00' })],
      }),
      422,
    );
    const paths = problem.errors!.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['items.1.title', 'items.1.amounts.2027']));
    expect(paths.every((path) => path.startsWith('items.1.'))).toBe(true);
    expect(await itemsOf(subProgrammeId)).toEqual(before);
    expect(await auditCount()).toBe(events);
  });

  it('checks references of every row: an unknown EKK code, goal or service answers 422 listing each', async () => {
    const before = await itemsOf(subProgrammeId);
    const response = await lead.post(
      batchUrl(subProgrammeId),
      {
        items: [
          row('Nezināms EKK', { '2027': '1.00' }, { ekkCode: '9999' }),
          row('Derīga', { '2027': '2.00' }),
          row('Nezināmi kodi', { '2031': '3.00' }, { goalCodes: ['M1', 'M42'], ictServiceCode: 'NO-SUCH' }),
          row('Vēl viens nezināms EKK', { '2027': '4.00' }, { ekkCode: '9999', reviewStatus: 'accepted' }),
        ],
      },
      { 'accept-language': 'en' },
    );
    const problem = expectProblem(response, 422);
    expect(problem.errors).toEqual([
      { path: 'items.0.ekkCode', message: 'Unknown code' },
      { path: 'items.2.ictServiceCode', message: 'Unknown code' },
      { path: 'items.2.goalCodes.M42', message: 'Unknown code' },
      { path: 'items.2.amounts.2031', message: expect.stringContaining('2027, 2028, 2029') },
      { path: 'items.3.reviewStatus', message: 'Unknown fields: reviewStatus' },
      { path: 'items.3.ekkCode', message: 'Unknown code' },
    ]);
    expect(await itemsOf(subProgrammeId)).toEqual(before);
  });

  it('refuses an empty list, one over the limit, and a body that is no list of items (422)', async () => {
    const tooMany = Array.from({ length: LINE_ITEM_BATCH_MAX + 1 }, (_, i) => row(`Rinda ${i}`, {}));
    for (const body of [{ items: [] }, { items: tooMany }, {}, [], { items: [row('A', {})], extra: 1 }]) {
      const problem = expectProblem(await lead.post(batchUrl(subProgrammeId), body), 422);
      expect(problem.errors!.length).toBeGreaterThan(0);
      expect(problem.errors!.length).toBeLessThan(3);
    }
  });

  it('answers another institution’s lead 404, whatever the body, and changes nothing', async () => {
    const before = await itemsOf(subProgrammeId);
    expectProblem(await otherLead.post(batchUrl(subProgrammeId), { items: [row('Sveša', { '2027': '1.00' })] }), 404);
    expectProblem(await otherLead.post(batchUrl(subProgrammeId), { items: [] }), 404);
    expectProblem(await lead.post(batchUrl(999999), { items: [row('Nekur', {})] }), 404);
    expect(await itemsOf(subProgrammeId)).toEqual(before);
  });

  it('answers ITC finance 403 on an institution’s sub-programme, before looking at the items', async () => {
    expectProblem(await itc.post(batchUrl(subProgrammeId), { items: [{ title: '' }] }), 403);
  });

  it('answers 409 on a submitted sub-programme, before looking at the items', async () => {
    const created = await lead.post(`/api/cycles/${cycleId}/sub-programmes`, {
      code: 'IKT.IKSD.B1',
      name: 'Iesniegta',
    });
    expect(created.statusCode, created.body).toBe(201);
    const submittedId = subProgrammeSchema.parse(created.json()).id;
    const first = await lead.post(batchUrl(submittedId), { items: [row('Vienīgā', { '2027': '5.00' })] });
    expect(first.statusCode, first.body).toBe(201);
    expect((await lead.post(`/api/sub-programmes/${submittedId}/submit`)).statusCode).toBe(200);

    const before = await itemsOf(submittedId);
    expectProblem(await lead.post(batchUrl(submittedId), { items: [row('Vēlā', { '2027': '1.00' })] }), 409);
    expectProblem(await lead.post(batchUrl(submittedId), { items: [{ title: '' }] }), 409);
    expect(await itemsOf(submittedId)).toEqual(before);
  });

  it('is in the OpenAPI document with its body (1 to 1000 items) and its answer', async () => {
    const document = (await t.anonymous.get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { requestBody: unknown; responses: Record<string, unknown> }>>;
    };
    const operation = document.paths['/api/sub-programmes/{id}/line-items/batch']?.post;
    expect(operation?.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: {
            properties: { items: { type: 'array', minItems: 1, maxItems: LINE_ITEM_BATCH_MAX } },
            required: ['items'],
          },
        },
      },
    });
    expect(Object.keys(operation?.responses ?? {})).toContain('201');
  });

  it('takes a full batch of the largest size in one request', async () => {
    const created = await lead.post(`/api/cycles/${cycleId}/sub-programmes`, { code: 'IKT.IKSD.B2', name: 'Liela' });
    const id = subProgrammeSchema.parse(created.json()).id;
    const items = Array.from({ length: LINE_ITEM_BATCH_MAX }, (_, i) =>
      row(`Pozīcija ${i + 1}`, { '2027': `${i}.01` }, { calculationBasis: 'x'.repeat(2000) }),
    );
    const response = await lead.post(batchUrl(id), { items });
    expect(response.statusCode, response.body.slice(0, 500)).toBe(201);
    const answer = lineItemBatchSchema.parse(response.json()).items;
    expect(answer.map((item) => item.rank)).toEqual(items.map((_, i) => i + 1));
    const total = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${id}`)).json()).totals['2027'];
    expect(total).toBe(items.reduce((sum, item) => sum.plus(item.amounts['2027']!), new Decimal(0)).toFixed(2));
  });
});
