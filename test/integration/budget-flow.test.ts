import { beforeAll, describe, expect, it } from 'vitest';
import { lineItemListSchema, lineItemSchema } from '@ikt/shared/line-item.schema';
import { subProgrammeListSchema, subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus, leadOf, subProgrammeByCode } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

const { lead, itc } = demoAppForFile({ lead: leadOf('IKSD'), itc: ITC_FINANCE });
let currentCycleId: number;
let subProgrammeId: number;

beforeAll(async () => {
  currentCycleId = await cycleIdWithStatus(lead, 'open');
  subProgrammeId = (await subProgrammeByCode(lead, currentCycleId, 'IKT.IKSD.01')).id;
});

describe('the budget flow of an institution and ITC', () => {
  it('a lead sees only its own sub-programmes, with totals per fiscal year', async () => {
    const mine = subProgrammeListSchema.parse((await lead.get(`/api/cycles/${currentCycleId}/sub-programmes`)).json());
    expect(mine.map((s) => s.institutionCode)).toEqual(['IKSD', 'IKSD']);
    expect(Object.keys(mine[0]!.totals)).toEqual(['2027', '2028', '2029']);
    const all = subProgrammeListSchema.parse((await itc.get(`/api/cycles/${currentCycleId}/sub-programmes`)).json());
    expect(all.length).toBeGreaterThan(10);
  });

  it('adds an item, edits it with If-Match, and the totals follow to the cent', async () => {
    const before = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json());
    const created = await lead.post(`/api/sub-programmes/${subProgrammeId}/line-items`, {
      title: 'Skolu Wi-Fi piekļuves punkti',
      ekkCode: '5238',
      costNature: 'development',
      priority: 'medium',
      goalCodes: ['M1'],
      amounts: { '2027': '1000.10', '2028': '0.20' },
      businessNeed: 'Mācību procesam vajag stabilu tīklu.',
      impactIfCut: 'Skolās nebūs bezvadu tīkla.',
    });
    expect(created.statusCode).toBe(201);
    const item = lineItemSchema.parse(created.json());
    expect(item.amounts).toEqual({ '2027': '1000.10', '2028': '0.20', '2029': '0.00' });
    expect(created.headers.etag).toBe(`"${item.version}"`);

    const patched = await lead.patch(
      `/api/line-items/${item.id}`,
      { amounts: { '2029': '5.05' } },
      { 'if-match': `"${item.version}"` },
    );
    expect(patched.statusCode).toBe(200);
    expect(lineItemSchema.parse(patched.json()).amounts['2029']).toBe('5.05');

    const stale = await lead.patch(`/api/line-items/${item.id}`, { title: 'X' }, { 'if-match': `"${item.version}"` });
    expectProblem(stale, 412);
    expectProblem(await lead.patch(`/api/line-items/${item.id}`, { title: 'X' }), 428);

    const after = subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json());
    const { Decimal } = await import('@ikt/shared/money');
    expect(after.totals['2027']).toBe(new Decimal(before.totals['2027']!).plus('1000.10').toFixed(2));
    expect(after.totals['2029']).toBe(new Decimal(before.totals['2029']!).plus('5.05').toFixed(2));
  });

  it('submits, ITC returns one item with a comment, the lead fixes and resubmits, ITC accepts', async () => {
    const submitted = await lead.post(`/api/sub-programmes/${subProgrammeId}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(subProgrammeSchema.parse(submitted.json()).status).toBe('submitted');

    const items = lineItemListSchema.parse((await itc.get(`/api/sub-programmes/${subProgrammeId}/line-items`)).json());
    const target = items[0]!;
    const returned = await itc.post(`/api/line-items/${target.id}/review`, {
      decision: 'return',
      comment: 'Lūdzu precizēt aprēķinu.',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(lineItemSchema.parse(returned.json()).reviewStatus).toBe('returned');
    // Reviewing is per item: the sub-programme goes back only when ITC returns it as a whole.
    expect(subProgrammeSchema.parse((await lead.get(`/api/sub-programmes/${subProgrammeId}`)).json()).status).toBe(
      'submitted',
    );
    const back = await itc.post(`/api/sub-programmes/${subProgrammeId}/return`, { comment: 'Skatiet pozīciju.' });
    expect(subProgrammeSchema.parse(back.json()).status).toBe('returned');

    const comments = (await lead.get(`/api/line-items/${target.id}/comments`)).json() as {
      body: string;
      kind: string;
    }[];
    expect(comments).toEqual([expect.objectContaining({ kind: 'return', body: 'Lūdzu precizēt aprēķinu.' })]);

    const current = lineItemSchema.parse((await lead.get(`/api/line-items/${target.id}`)).json());
    const fixed = await lead.patch(
      `/api/line-items/${target.id}`,
      { calculationBasis: 'Precizēts: 12 × 100 EUR' },
      { 'if-match': `"${current.version}"` },
    );
    expect(fixed.statusCode, fixed.body).toBe(200);

    const changes = (await itc.get(`/api/sub-programmes/${subProgrammeId}/changes`)).json() as {
      changed: { lineItemId: number; changes: { field: string; after: unknown }[] }[];
    };
    expect(changes.changed).toEqual([
      expect.objectContaining({
        lineItemId: target.id,
        changes: [expect.objectContaining({ field: 'calculationBasis', after: 'Precizēts: 12 × 100 EUR' })],
      }),
    ]);

    expect((await lead.post(`/api/sub-programmes/${subProgrammeId}/submit`)).statusCode).toBe(200);
    const accepted = await itc.post(`/api/sub-programmes/${subProgrammeId}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(subProgrammeSchema.parse(accepted.json()).status).toBe('accepted');
    const finalItems = lineItemListSchema.parse(
      (await lead.get(`/api/sub-programmes/${subProgrammeId}/line-items`)).json(),
    );
    expect(new Set(finalItems.map((i) => i.reviewStatus))).toEqual(new Set(['accepted']));

    const history = (await itc.get(`/api/line-items/${target.id}/history`)).json() as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['lineItem.return', 'lineItem.update']);
  });
});
