import { afterAll, beforeAll, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app';

let t: TestApp;
let lead: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
  lead = await t.signIn('lead.iksd@riga.example');
  admin = await t.signIn('admin@riga.example');
});
afterAll(async () => {
  await t.close();
});

it('probe', async () => {
  const cycles = (await lead.get('/api/cycles')).json() as { id: number; status: string }[];
  const open = cycles.find((c) => c.status === 'open')!;
  const sps = (await lead.get(`/api/cycles/${open.id}/sub-programmes`)).json() as { id: number; code: string }[];
  const sp = sps.find((s) => s.code === 'IKT.IKSD.01')!;
  const items = (await lead.get(`/api/sub-programmes/${sp.id}/line-items`)).json() as { id: number; version: number }[];
  const item = items[0]!;
  const en = { 'accept-language': 'en' };
  const base = { title: 'x', ekkCode: '5238', costNature: 'maintenance', priority: 'low' };
  const show = (label: string, r: { statusCode: number; body: string; headers: Record<string, unknown> }) =>
    console.log(label, r.statusCode, r.headers['content-type'], r.body);
  for (const v of ['1.234', '1e3', '1,50', '-5', '1234567890123', 1000, null, '', ' 5']) {
    show(
      `post ${String(v)}`,
      await lead.post(`/api/sub-programmes/${sp.id}/line-items`, { ...base, amounts: { '2027': v } }, en),
    );
  }
  show('key27', await lead.post(`/api/sub-programmes/${sp.id}/line-items`, { ...base, amounts: { '27': '1' } }, en));
  show(
    'year2030',
    await lead.post(`/api/sub-programmes/${sp.id}/line-items`, { ...base, amounts: { '2030': '1' } }, en),
  );
  show('ekk2250', await lead.post(`/api/sub-programmes/${sp.id}/line-items`, { ...base, ekkCode: '2250' }, en));
  show(
    'unknown',
    await lead.post(`/api/sub-programmes/${sp.id}/line-items`, { ...base, reviewStatus: 'accepted', id: 5 }, en),
  );
  show(
    'proto',
    await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${sp.id}/line-items`,
      payload: '{"__proto__":{"x":1},"title":"a"}',
      headers: { 'content-type': 'application/json', ...en },
    }),
  );
  show(
    'ctor',
    await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${sp.id}/line-items`,
      payload: '{"constructor":{"prototype":{"x":1}},"title":"a"}',
      headers: { 'content-type': 'application/json', ...en },
    }),
  );
  show(
    'text',
    await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${sp.id}/line-items`,
      payload: 'hi',
      headers: { 'content-type': 'text/plain', ...en },
    }),
  );
  show(
    'form',
    await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${sp.id}/line-items`,
      payload: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...en },
    }),
  );
  show(
    'malformed',
    await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${sp.id}/line-items`,
      payload: '{"title":',
      headers: { 'content-type': 'application/json', ...en },
    }),
  );
  show(
    'null',
    await lead.request({
      method: 'POST',
      url: `/api/sub-programmes/${sp.id}/line-items`,
      payload: 'null',
      headers: { 'content-type': 'application/json', ...en },
    }),
  );
  show(
    'nobody',
    await lead.request({ method: 'POST', url: `/api/sub-programmes/${sp.id}/line-items`, headers: { ...en } }),
  );
  show(
    'big',
    await lead.post(`/api/sub-programmes/${sp.id}/line-items`, { ...base, description: 'x'.repeat(1_100_000) }, en),
  );
  show(
    'evil',
    await lead.patch(
      `/api/line-items/${item.id}`,
      { title: 'h' },
      { origin: 'https://evil.example', 'if-match': `"${item.version}"`, ...en },
    ),
  );
  show(
    'xsite',
    await lead.patch(
      `/api/line-items/${item.id}`,
      { title: 'h' },
      { 'sec-fetch-site': 'cross-site', 'if-match': `"${item.version}"`, ...en },
    ),
  );
  show('abc', await lead.get(`/api/line-items/abc`, en));
  show('abcpatch', await lead.patch(`/api/line-items/abc`, { title: 'x' }, en));
  show('1.5', await lead.get(`/api/line-items/1.5`, en));
  show('1e3', await lead.get(`/api/line-items/1e3`, en));
  show('0x10', await lead.get(`/api/line-items/0x10`, en));
  show(' 7', await lead.get(`/api/line-items/%207`, en));
  show('big id', await lead.get(`/api/line-items/99999999999`, en));
  show('patch no if-match bad', await lead.patch(`/api/line-items/${item.id}`, { amounts: { '2027': '1.234' } }, en));
  show(
    'max',
    await lead.patch(
      `/api/line-items/${item.id}`,
      { amounts: { '2027': '999999999999.99' } },
      { 'if-match': `"${item.version}"`, ...en },
    ),
  );
  show('sp after max', await lead.get(`/api/sub-programmes/${sp.id}`, en));
  show(
    'ekk level5',
    await admin.post(`/api/ekk-codes`, { code: '5237', parentCode: '5238', nameLv: 'a', nameEn: 'a' }, en),
  );
  show('ekk list', await admin.get(`/api/ekk-codes`, en));
  show('ict empty patch', await admin.patch(`/api/ict-services/WS`, {}, en));
  show('inst empty patch', await admin.patch(`/api/institutions/1`, {}, en));
});
