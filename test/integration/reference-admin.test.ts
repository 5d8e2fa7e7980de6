import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventListSchema, type AuditEvent } from '@ikt/shared/audit.schema';
import { meSchema } from '@ikt/shared/auth.schema';
import { lineItemListSchema, lineItemSchema, type LineItem } from '@ikt/shared/line-item.schema';
import {
  ekkCodeListSchema,
  ekkCodeSchema,
  ictServiceListSchema,
  ictServiceSchema,
  informationSystemListSchema,
  informationSystemSchema,
  institutionListSchema,
  institutionSchema,
  type EkkCode,
} from '@ikt/shared/reference.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import {
  ADMIN,
  COUNCIL,
  FINANCE_DEPARTMENT,
  ITC_FINANCE,
  cycleIdWithStatus,
  leadOf,
  subProgrammeByCode,
} from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

/** An administrator maintains the reference data; nobody else may, and every change is audited. */

const EN = { 'accept-language': 'en' };

const people = { admin: ADMIN, itc: ITC_FINANCE, lead: leadOf('IKSD'), council: COUNCIL, fd: FINANCE_DEPARTMENT };
const { t, admin, itc, lead, council, fd } = demoAppForFile(people);
let adminId: number;
let iksdSubProgrammeId: number;

const itemBody = (ekkCode: string) => ({
  title: 'Jauna pozīcija',
  ekkCode,
  costNature: 'maintenance',
  priority: 'low',
  amounts: { '2027': '10.00' },
});

async function ekkCodes(query = ''): Promise<EkkCode[]> {
  const response = await lead.get(`/api/ekk-codes${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return ekkCodeListSchema.parse(response.json());
}
const ekk = async (code: string, query = '?includeRetired=true') =>
  (await ekkCodes(query)).find((c) => c.code === code);

async function iksdItems(): Promise<LineItem[]> {
  return lineItemListSchema.parse((await lead.get(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`)).json());
}

/** Every audit event, oldest first (the log answers newest first). */
async function auditEvents(entityType?: string): Promise<AuditEvent[]> {
  const query = entityType ? `?entityType=${entityType}&limit=1000` : '?limit=1000';
  const response = await admin.get(`/api/audit${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return auditEventListSchema.parse(response.json()).reverse();
}

/** Runs a change and answers the audit events it left behind. */
async function auditedBy(change: () => Promise<void>): Promise<AuditEvent[]> {
  const before = new Set((await auditEvents()).map((e) => e.id));
  await change();
  return (await auditEvents()).filter((e) => !before.has(e.id));
}

/** Every reference list, as anyone reads it, to show that a refused write changed nothing. */
async function referenceState() {
  const lists = await Promise.all(
    [
      '/api/ekk-codes?includeRetired=true',
      '/api/ict-services',
      '/api/information-systems',
      '/api/institutions',
      '/api/audit?limit=1',
    ].map((url) => admin.get(url)),
  );
  for (const list of lists) expect(list.statusCode, list.body).toBe(200);
  return lists.map((list) => list.json() as unknown);
}

async function refused(write: () => Promise<LightMyRequestResponse>, status: number) {
  const before = await referenceState();
  const problem = expectProblem(await write(), status);
  expect(await referenceState()).toEqual(before);
  return problem;
}

beforeAll(async () => {
  adminId = meSchema.parse((await admin.get('/api/auth/me')).json()).user.id;
  const cycleId = await cycleIdWithStatus(lead, 'open');
  iksdSubProgrammeId = (await subProgrammeByCode(lead, cycleId, 'IKT.IKSD.01')).id;
});

describe('EKK codes', () => {
  it('adds a code under a leaf: the parent becomes a group that items may no longer choose', async () => {
    expect(await ekk('2210')).toMatchObject({ level: 3, selectable: true, retired: false });
    const itemsWithParent = await iksdItems();

    const events = await auditedBy(async () => {
      const response = await admin.post('/api/ekk-codes', {
        code: '2211',
        parentCode: '2210',
        nameLv: 'Mobilo sakaru pakalpojumi',
        nameEn: 'Mobile communication services',
      });
      expect(response.statusCode, response.body).toBe(201);
      expect(ekkCodeSchema.parse(response.json())).toEqual({
        code: '2211',
        parentCode: '2210',
        nameLv: 'Mobilo sakaru pakalpojumi',
        nameEn: 'Mobile communication services',
        level: 4,
        selectable: true,
        retired: false,
      });
    });
    // The parent's change to a group is recorded too.
    expect(events).toHaveLength(2);
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'ekkCode.create',
          entityType: 'ekk_code',
          entityId: '2211',
          actorId: adminId,
        }),
        expect.objectContaining({
          action: 'ekkCode.update',
          entityId: '2210',
          before: expect.objectContaining({ selectable: true }),
          after: expect.objectContaining({ selectable: false }),
        }),
      ]),
    );

    const codes = await ekkCodes();
    const position = codes.findIndex((c) => c.code === '2210');
    expect(codes[position]).toMatchObject({ selectable: false });
    expect(codes[position + 1]).toMatchObject({ code: '2211', parentCode: '2210', level: 4 });
    const selectable = (await ekkCodes('?selectable=true')).map((c) => c.code);
    expect(selectable).toContain('2211');
    expect(selectable).not.toContain('2210');

    const onParent = await lead.post(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`, itemBody('2210'), EN);
    expect(expectProblem(onParent, 422).errors).toEqual([{ path: 'body.ekkCode', message: expect.any(String) }]);
    const onChild = await lead.post(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`, itemBody('2211'));
    expect(onChild.statusCode, onChild.body).toBe(201);
    expect((await iksdItems()).length).toBe(itemsWithParent.length + 1);
  });

  it('renames a code; lists and existing items follow, the change is audited with before and after', async () => {
    const before = (await ekk('5121'))!;
    const events = await auditedBy(async () => {
      const response = await admin.patch('/api/ekk-codes/5121', {
        nameLv: 'Datorprogrammas un licences',
        nameEn: 'Computer software and licences',
      });
      expect(response.statusCode, response.body).toBe(200);
      expect(ekkCodeSchema.parse(response.json())).toEqual({
        ...before,
        nameLv: 'Datorprogrammas un licences',
        nameEn: 'Computer software and licences',
      });
    });
    expect(await ekk('5121', '')).toMatchObject({ nameEn: 'Computer software and licences', selectable: true });
    expect(events).toEqual([
      expect.objectContaining({
        action: 'ekkCode.update',
        entityType: 'ekk_code',
        entityId: '5121',
        actorId: adminId,
        before: expect.objectContaining({ nameEn: before.nameEn }),
        after: expect.objectContaining({ nameEn: 'Computer software and licences' }),
      }),
    ]);
  });

  it('retires a code: it stays on the items that use it, but no item may take it up again', async () => {
    const items = await iksdItems();
    const user = items.find((i) => i.ekkCode === '5238')!;
    const other = items.find((i) => i.ekkCode !== '5238')!;
    expect(user).toBeDefined();

    const events = await auditedBy(async () => {
      const response = await admin.patch('/api/ekk-codes/5238', { retired: true });
      expect(response.statusCode, response.body).toBe(200);
      expect(ekkCodeSchema.parse(response.json())).toMatchObject({ code: '5238', retired: true });
    });
    expect(events).toEqual([expect.objectContaining({ action: 'ekkCode.update', entityId: '5238', actorId: adminId })]);

    // The existing item is untouched and can still be edited in its other fields.
    const kept = lineItemSchema.parse((await lead.get(`/api/line-items/${user.id}`)).json());
    expect(kept).toEqual(user);
    const edited = await lead.patch(
      `/api/line-items/${user.id}`,
      { amounts: { '2027': '1.00' } },
      { 'if-match': `"${user.version}"` },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(lineItemSchema.parse(edited.json()).ekkCode).toBe('5238');

    // …but neither a new item nor another existing one may take it.
    const created = await lead.post(`/api/sub-programmes/${iksdSubProgrammeId}/line-items`, itemBody('5238'), EN);
    expect(expectProblem(created, 422).errors).toEqual([
      { path: 'body.ekkCode', message: 'This EKK code cannot be used on items (a group or retired code)' },
    ]);
    const moved = await lead.patch(
      `/api/line-items/${other.id}`,
      { ekkCode: '5238' },
      { 'if-match': `"${other.version}"`, ...EN },
    );
    expect(expectProblem(moved, 422).errors).toEqual([{ path: 'body.ekkCode', message: expect.any(String) }]);
    expect(lineItemSchema.parse((await lead.get(`/api/line-items/${other.id}`)).json())).toEqual(other);
  });

  it('hides retired codes from the lists unless includeRetired=true', async () => {
    expect((await ekkCodes()).map((c) => c.code)).not.toContain('5238');
    expect((await ekkCodes('?selectable=true')).map((c) => c.code)).not.toContain('5238');
    expect((await ekkCodes('?includeRetired=true')).find((c) => c.code === '5238')).toMatchObject({
      retired: true,
      parentCode: '5230',
      level: 4,
    });
    expect((await ekkCodes('?includeRetired=false')).map((c) => c.code)).not.toContain('5238');
  });

  it('brings a retired code back', async () => {
    const response = await admin.patch('/api/ekk-codes/5238', { retired: false });
    expect(response.statusCode, response.body).toBe(200);
    expect((await ekkCodes('?selectable=true')).find((c) => c.code === '5238')).toMatchObject({ retired: false });
  });

  it('refuses to make a group code selectable (422) and changes nothing', async () => {
    const problem = await refused(() => admin.patch('/api/ekk-codes/2250', { selectable: true }, EN), 422);
    expect(problem.errors).toEqual([{ path: 'body.selectable', message: 'The code has child codes' }]);
    expect(await ekk('2250')).toMatchObject({ selectable: false });
  });

  it('refuses a duplicate code with 409, and the leaf it named as parent stays a leaf', async () => {
    expect(await ekk('2220')).toMatchObject({ selectable: true });
    await refused(
      () =>
        admin.post('/api/ekk-codes', { code: '5238', parentCode: '5230', nameLv: 'Dublikāts', nameEn: 'Duplicate' }),
      409,
    );
    await refused(
      () =>
        admin.post('/api/ekk-codes', { code: '2251', parentCode: '2220', nameLv: 'Dublikāts', nameEn: 'Duplicate' }),
      409,
    );
    expect(await ekk('2220')).toMatchObject({ selectable: true });
    expect(await ekk('2251')).toMatchObject({ parentCode: '2250' });
  });

  it('refuses an unknown parent (422), a malformed code (400) and an unknown code (404)', async () => {
    const unknownParent = await refused(
      () => admin.post('/api/ekk-codes', { code: '7001', parentCode: '7000', nameLv: 'a', nameEn: 'a' }, EN),
      422,
    );
    expect(unknownParent.errors).toEqual([{ path: 'body.parentCode', message: 'Unknown code' }]);
    const malformed = await refused(
      () => admin.post('/api/ekk-codes', { code: '70011', parentCode: null, nameLv: 'a', nameEn: 'a' }, EN),
      400,
    );
    expect(malformed.errors).toEqual([{ path: 'body.code', message: 'An EKK code is four digits' }]);
    await refused(() => admin.patch('/api/ekk-codes/7001', { nameEn: 'x' }), 404);
    await refused(() => admin.patch('/api/ekk-codes/5238', { retired: true, code: '5239' }), 400);
  });

  it('adds a top-level code', async () => {
    const response = await admin.post('/api/ekk-codes', {
      code: '9000',
      parentCode: null,
      nameLv: 'Citi izdevumi',
      nameEn: 'Other expenditure',
      selectable: false,
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(ekkCodeSchema.parse(response.json())).toMatchObject({ code: '9000', level: 1, selectable: false });
  });
});

describe('ICT services, information systems and institutions', () => {
  it('creates and updates an ICT service; an inactive service cannot go on a new item', async () => {
    const events = await auditedBy(async () => {
      const created = await admin.post('/api/ict-services', {
        code: 'AI',
        nameLv: 'Mākslīgā intelekta rīki',
        nameEn: 'AI tools',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(ictServiceSchema.parse(created.json())).toEqual({
        code: 'AI',
        nameLv: 'Mākslīgā intelekta rīki',
        nameEn: 'AI tools',
        active: true,
      });
      const updated = await admin.patch('/api/ict-services/AI', { nameEn: 'Artificial intelligence tools' });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(ictServiceSchema.parse(updated.json())).toMatchObject({ nameEn: 'Artificial intelligence tools' });
      const retired = await admin.patch('/api/ict-services/AI', { active: false });
      expect(ictServiceSchema.parse(retired.json())).toMatchObject({ active: false });
    });
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId])).toEqual([
      ['ictService.create', 'ict_service', 'AI', adminId],
      ['ictService.update', 'ict_service', 'AI', adminId],
      ['ictService.update', 'ict_service', 'AI', adminId],
    ]);
    const services = ictServiceListSchema.parse((await lead.get('/api/ict-services')).json());
    expect(services.find((s) => s.code === 'AI')).toMatchObject({
      nameEn: 'Artificial intelligence tools',
      active: false,
    });

    const onItem = await lead.post(
      `/api/sub-programmes/${iksdSubProgrammeId}/line-items`,
      { ...itemBody('2251'), ictServiceCode: 'AI' },
      EN,
    );
    expect(expectProblem(onItem, 422).errors).toEqual([{ path: 'body.ictServiceCode', message: 'Unknown code' }]);

    await refused(() => admin.post('/api/ict-services', { code: 'WS', nameLv: 'a', nameEn: 'a' }), 409);
    await refused(() => admin.patch('/api/ict-services/NOPE', { nameEn: 'x' }), 404);
  });

  it('creates and updates an information system', async () => {
    const events = await auditedBy(async () => {
      const created = await admin.post('/api/information-systems', {
        code: 'ARHIVS',
        name: 'ARHĪVS',
        functionLv: 'elektroniskais arhīvs',
        functionEn: 'electronic archive',
        kind: 'RDVIS',
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(informationSystemSchema.parse(created.json())).toEqual({
        code: 'ARHIVS',
        name: 'ARHĪVS',
        functionLv: 'elektroniskais arhīvs',
        functionEn: 'electronic archive',
        kind: 'RDVIS',
        active: true,
      });
      const updated = await admin.patch('/api/information-systems/ARHIVS', {
        functionEn: 'electronic records archive',
        active: false,
      });
      expect(updated.statusCode, updated.body).toBe(200);
    });
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId])).toEqual([
      ['informationSystem.create', 'information_system', 'ARHIVS', adminId],
      ['informationSystem.update', 'information_system', 'ARHIVS', adminId],
    ]);
    const systems = informationSystemListSchema.parse((await lead.get('/api/information-systems')).json());
    expect(systems.find((s) => s.code === 'ARHIVS')).toMatchObject({
      functionEn: 'electronic records archive',
      active: false,
    });
    await refused(
      () =>
        admin.post('/api/information-systems', {
          code: 'APUS',
          name: 'APUS',
          functionLv: '',
          functionEn: '',
          kind: 'RDVIS',
        }),
      409,
    );
    await refused(() => admin.patch('/api/information-systems/NOPE', { name: 'x' }), 404);
  });

  it('creates and updates an institution', async () => {
    let id = 0;
    const events = await auditedBy(async () => {
      const created = await admin.post('/api/institutions', {
        code: 'RTP',
        nameLv: 'Rīgas tūrisma pārvalde',
        nameEn: 'Riga Tourism Board',
      });
      expect(created.statusCode, created.body).toBe(201);
      const institution = institutionSchema.parse(created.json());
      expect(institution).toMatchObject({ code: 'RTP', nameEn: 'Riga Tourism Board', isItc: false, active: true });
      id = institution.id;
      const updated = await admin.patch(`/api/institutions/${id}`, { nameEn: 'Riga Tourism Office', active: false });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(institutionSchema.parse(updated.json())).toMatchObject({
        id,
        nameEn: 'Riga Tourism Office',
        active: false,
      });
    });
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId])).toEqual([
      ['institution.create', 'institution', String(id), adminId],
      ['institution.update', 'institution', String(id), adminId],
    ]);
    const institutions = institutionListSchema.parse((await lead.get('/api/institutions')).json());
    expect(institutions.find((i) => i.id === id)).toMatchObject({ code: 'RTP', active: false });
    await refused(() => admin.post('/api/institutions', { code: 'IKSD', nameLv: 'a', nameEn: 'a' }), 409);
    await refused(() => admin.patch('/api/institutions/999999', { nameEn: 'x' }), 404);
  });
});

describe('only an administrator maintains reference data', () => {
  const writes: [string, (client: TestClient) => Promise<LightMyRequestResponse>][] = [
    [
      'POST /api/ekk-codes',
      (c) => c.post('/api/ekk-codes', { code: '2212', parentCode: '2210', nameLv: 'a', nameEn: 'a' }),
    ],
    ['PATCH /api/ekk-codes/:code (rename)', (c) => c.patch('/api/ekk-codes/2251', { nameEn: 'Renamed' })],
    ['PATCH /api/ekk-codes/:code (retire)', (c) => c.patch('/api/ekk-codes/2251', { retired: true })],
    ['PATCH /api/ekk-codes/:code (unknown)', (c) => c.patch('/api/ekk-codes/7777', { nameEn: 'x' })],
    ['POST /api/ict-services', (c) => c.post('/api/ict-services', { code: 'XX', nameLv: 'a', nameEn: 'a' })],
    ['PATCH /api/ict-services/:code', (c) => c.patch('/api/ict-services/WS', { active: false })],
    [
      'POST /api/information-systems',
      (c) => c.post('/api/information-systems', { code: 'XX', name: 'a', functionLv: '', functionEn: '', kind: 'x' }),
    ],
    ['PATCH /api/information-systems/:code', (c) => c.patch('/api/information-systems/APUS', { active: false })],
    ['POST /api/institutions', (c) => c.post('/api/institutions', { code: 'XX', nameLv: 'a', nameEn: 'a' })],
    ['PATCH /api/institutions/:id', (c) => c.patch('/api/institutions/2', { nameEn: 'Renamed' })],
  ];
  const others: [string, () => TestClient][] = [
    ['itc_finance', () => itc],
    ['institution_lead', () => lead],
    ['council', () => council],
    ['finance_viewer', () => fd],
  ];

  for (const [role, client] of others) {
    it.each(writes)(`refuses %s by ${role} with 403 and changes nothing`, async (_label, write) => {
      const problem = await refused(() => write(client()), 403);
      expect(problem.type).toBe('urn:ikt-budzets:problem:forbidden');
    });
  }

  it('refuses them without a session with 401', async () => {
    for (const [, write] of writes) await refused(() => write(t.anonymous), 401);
  });

  it('keeps the audit log from non-admin, non-ITC roles', async () => {
    expectProblem(await lead.get('/api/audit?entityType=ekk_code'), 403);
    expectProblem(await council.get('/api/audit?entityType=ekk_code'), 403);
  });
});

describe('the audit trail of reference data', () => {
  it('holds one event per admin change of an EKK code, by the admin, newest first', async () => {
    const response = await admin.get('/api/audit?entityType=ekk_code');
    expect(response.statusCode).toBe(200);
    const events = auditEventListSchema.parse(response.json());
    expect(events.map((e) => [e.action, e.entityId])).toEqual([
      ['ekkCode.create', '9000'],
      ['ekkCode.update', '5238'],
      ['ekkCode.update', '5238'],
      ['ekkCode.update', '5121'],
      ['ekkCode.create', '2211'],
      ['ekkCode.update', '2210'],
    ]);
    for (const event of events) {
      expect(event).toMatchObject({ entityType: 'ekk_code', actorId: adminId, actorName: expect.any(String) });
      expect(event.requestId).toBeTruthy();
    }
    const filtered = auditEventListSchema.parse(
      (await admin.get('/api/audit?entityType=ekk_code&entityId=5238')).json(),
    );
    expect(filtered.map((e) => e.after)).toEqual([
      expect.objectContaining({ retired: false }),
      expect.objectContaining({ retired: true }),
    ]);
  });
});

describe('edge cases of maintenance', () => {
  it.each([
    ['PATCH /api/ekk-codes/2251', '/api/ekk-codes/2251'],
    ['PATCH /api/ict-services/WS', '/api/ict-services/WS'],
    ['PATCH /api/information-systems/APUS', '/api/information-systems/APUS'],
    ['PATCH /api/institutions/2', '/api/institutions/2'],
  ])('answers an empty change (%s with {}) without a server error', async (_label, url) => {
    const response = await admin.patch(url, {});
    expect(response.statusCode, response.body).toBeLessThan(500);
  });

  it('keeps the EKK list working when a code is added below a fourth-level leaf', async () => {
    // EKK codes have four digits and four levels (the answer schema allows levels 1–4).
    const response = await admin.post(
      '/api/ekk-codes',
      { code: '5237', parentCode: '5238', nameLv: 'Piektais līmenis', nameEn: 'Fifth level' },
      EN,
    );
    expect.soft(response.statusCode, response.body).toBeLessThan(500);
    if (response.statusCode >= 400 && response.statusCode < 500) expectProblem(response, 422);
    const list = await lead.get('/api/ekk-codes');
    expect(list.statusCode, list.body).toBe(200);
  });
});
