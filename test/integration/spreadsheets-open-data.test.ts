import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Package, Profile } from 'datapackage';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { consolidationSchema } from '@ikt/shared/consolidation.schema';
import { lineItemListSchema } from '@ikt/shared/line-item.schema';
import { sumMoney, toMoneyString } from '@ikt/shared/money';
import { subProgrammeListSchema } from '@ikt/shared/sub-programme.schema';
import { demoAppForFile, type TestClient } from '../helpers/app';
import { ITC_FINANCE, cycleIdWithStatus } from '../helpers/demo';
import { expectProblem } from '../helpers/problem';

const { t, itc } = demoAppForFile({ itc: ITC_FINANCE });
let approvedId: number;
let openId: number;

beforeAll(async () => {
  approvedId = await cycleIdWithStatus(itc, 'approved');
  openId = await cycleIdWithStatus(itc, 'open');
});

async function openData(client: TestClient, cycleId: number) {
  const response = await client.get(`/api/cycles/${cycleId}/open-data.zip`);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/zip');
  const zip = await JSZip.loadAsync(response.rawPayload);
  const csvBytes = await zip.file('budget.csv')!.async('nodebuffer');
  return {
    names: Object.keys(zip.files).sort(),
    csvBytes,
    csv: parseCsv(csvBytes.toString('utf8')),
    descriptor: JSON.parse(await zip.file('datapackage.json')!.async('string')) as Descriptor,
    raw: `${csvBytes.toString('utf8')}\n${await zip.file('datapackage.json')!.async('string')}`,
  };
}

/** RFC 4180, as a portal's importer reads it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

interface Descriptor {
  [key: string]: unknown;
  columnTypes?: unknown[];
  resources: {
    name: string;
    path: string;
    profile: string;
    bytes: number;
    hash: string;
    schema: { fields: { name: string; type: string; columnType?: string }[]; primaryKey: string[] };
  }[];
  model: {
    measures: Record<string, { source: string; currency: string; phase?: string; direction?: string }>;
    dimensions: Record<
      string,
      {
        attributes: Record<string, { source: string; labelfor?: string }>;
        primaryKey: string | string[];
        dimensionType?: string;
        classificationType?: string;
      }
    >;
  };
}

/** The required fields of the Fiscal Data Package profile, and that every source is a CSV column. */
function expectFiscalDataPackage(descriptor: Descriptor) {
  expect(descriptor.profile).toBe('fiscal-data-package');
  expect(descriptor.name).toMatch(/^[-a-z0-9._/]+$/);
  expect(typeof descriptor.title).toBe('string');
  expect(descriptor.resources.length).toBeGreaterThanOrEqual(1);
  const fields = new Set(descriptor.resources[0]!.schema.fields.map((f) => f.name));
  for (const resource of descriptor.resources) {
    expect(resource).toMatchObject({
      name: expect.stringMatching(/^[-a-z0-9._/]+$/),
      path: expect.any(String),
      profile: 'tabular-data-resource',
    });
    expect(resource.schema.fields.length).toBeGreaterThan(0);
    for (const key of resource.schema.primaryKey) expect(fields).toContain(key);
  }
  const measures = Object.entries(descriptor.model.measures);
  expect(measures.length).toBeGreaterThan(0);
  for (const [name, measure] of measures) {
    expect(name).toMatch(/^\w+/);
    expect(fields).toContain(measure.source);
    expect(measure.currency).toMatch(/^[A-Z]{3}$/);
    expect(['expenditure', 'revenue']).toContain(measure.direction);
    expect(['proposed', 'approved', 'adjusted', 'executed']).toContain(measure.phase);
  }
  const dimensions = descriptor.model.dimensions;
  for (const [name, dimension] of Object.entries(dimensions)) {
    expect(name).toMatch(/^\w+/);
    expect(Object.keys(dimension.attributes).length).toBeGreaterThan(0);
    for (const attribute of Object.values(dimension.attributes)) {
      expect(fields).toContain(attribute.source);
      if (attribute.labelfor) expect(Object.keys(dimension.attributes)).toContain(attribute.labelfor);
    }
    for (const key of [dimension.primaryKey].flat()) expect(Object.keys(dimension.attributes)).toContain(key);
    expect(['datetime', 'entity', 'classification', 'activity', 'fact', 'location', 'other']).toContain(
      dimension.dimensionType,
    );
  }
  const types = Object.values(dimensions).map((d) => [d.dimensionType, d.classificationType ?? null]);
  expect(types).toEqual(
    expect.arrayContaining([
      ['classification', 'administrative'],
      ['classification', 'economic'],
      ['activity', null],
      ['datetime', null],
    ]),
  );
}

describe('open data of an approved cycle', () => {
  it('is a Fiscal Data Package whose CSV sums to the approved total, per fiscal year', async () => {
    const data = await openData(itc, approvedId);
    expect(data.names).toEqual(['budget.csv', 'datapackage.json']);
    expectFiscalDataPackage(data.descriptor);

    const resource = data.descriptor.resources[0]!;
    expect(resource.bytes).toBe(data.csvBytes.length);
    expect(resource.hash).toBe(`sha256:${createHash('sha256').update(data.csvBytes).digest('hex')}`);
    const [header, ...rows] = data.csv;
    expect(header).toEqual(resource.schema.fields.map((f) => f.name));
    const column = (name: string) => header!.indexOf(name);
    expect(new Set(rows.map((r) => r[column('phase')]))).toEqual(new Set(['approved']));
    expect(new Set(rows.map((r) => r[column('currency')]))).toEqual(new Set(['EUR']));
    const keys = rows.map((r) => `${r[column('line_item_id')]}/${r[column('fiscal_year')]}`);
    expect(new Set(keys).size).toBe(keys.length);

    const consolidated = consolidationSchema.parse(
      (await itc.get(`/api/cycles/${approvedId}/consolidation?by=institution`)).json(),
    );
    for (const [year, total] of Object.entries(consolidated.total.amounts)) {
      const sum = sumMoney(rows.filter((r) => r[column('fiscal_year')] === year).map((r) => r[column('amount')]!));
      expect(toMoneyString(sum), year).toBe(total);
    }
    expect(toMoneyString(sumMoney(rows.map((r) => r[column('amount')]!)))).toBe(
      toMoneyString(sumMoney(Object.values(consolidated.total.amounts))),
    );
    expect(rows.length).toBe(consolidated.total.itemCount * 3);
    const ld = rows.find((r) => r[column('institution_code')] === 'LD')!;
    expect(ld[column('ekk_code')]).toMatch(/^\d{4}$/);
    expect(ld[column('ekk_name')]).not.toBe('');
    expect(ld[column('sub_programme_code')]).toMatch(/^IKT\.LD\./);
  });

  it('holds nothing that is not public: no comments, no people', async () => {
    const subProgrammes = subProgrammeListSchema.parse(
      (await itc.get(`/api/cycles/${approvedId}/sub-programmes`)).json(),
    );
    const [item] = lineItemListSchema.parse(
      (await itc.get(`/api/sub-programmes/${subProgrammes[0]!.id}/line-items`)).json(),
    );
    const commented = await itc.post(`/api/line-items/${item!.id}/comments`, { body: 'SLEPENS-KOMENTARS-4711' });
    expect(commented.statusCode).toBe(201);
    const { raw } = await openData(itc, approvedId);
    expect(raw).not.toContain('SLEPENS-KOMENTARS-4711');
    expect(raw).not.toMatch(/@riga\.example|speciāliste|nozares IKT vadītājs|Sistēmas administrators/);
    expect(raw).not.toContain(item!.businessNeed.slice(0, 30));
  });

  it('is refused for a cycle not yet approved (409) and to a lead (404)', async () => {
    expectProblem(await itc.get(`/api/cycles/${openId}/open-data.zip`), 409);
    const lead = await t.signIn('lead.ld@riga.example');
    expectProblem(await lead.get(`/api/cycles/${approvedId}/open-data.zip`), 404);
    const fd = await t.signIn('fd@riga.example');
    await openData(fd, approvedId);
  });

  it('guards text a spreadsheet would take for a formula, once the cycle is approved', async () => {
    const lead = await t.signIn('lead.ld@riga.example');
    const own = subProgrammeListSchema
      .parse((await lead.get(`/api/cycles/${openId}/sub-programmes`)).json())
      .find((s) => s.code === 'IKT.LD.01')!;
    const payloads = ['=HYPERLINK("http://evil.example","x")', '+1+2', '-3+4', '@SUM(1)'];
    for (const title of payloads) {
      const created = await lead.post(`/api/sub-programmes/${own.id}/line-items`, {
        title,
        ekkCode: '2251',
        costNature: 'maintenance',
        priority: 'low',
        amounts: { '2027': '1.00' },
      });
      expect(created.statusCode).toBe(201);
    }
    const council = await t.signIn('council@riga.example');
    for (const [client, to] of [
      [itc, 'review'],
      [itc, 'consolidated'],
      [council, 'approved'],
    ] as const) {
      // The demo cycle's sub-programmes are drafts: consolidating and approving it needs a reason.
      const overrideReason = to === 'review' ? undefined : 'Formulu aizsardzības pārbaude';
      const moved = await client.post(`/api/cycles/${openId}/transition`, { to, overrideReason });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    const { csv, csvBytes } = await openData(itc, openId);
    const text = csvBytes.toString('utf8');
    for (const payload of payloads) expect(text).toContain(`"'${payload.replaceAll('"', '""')}"`);
    for (const row of csv.slice(1)) {
      for (const field of row) expect(field).not.toMatch(/^[=+\-@\t\r]/);
    }
  });
});

/**
 * The ColumnTypes of the Fiscal Data Package v1 Budget Taxonomy (frictionlessdata specs,
 * "Fiscal Data Package - Budget Standard Taxonomy" 1.0.0rc1) that a budget like this one can use,
 * with the properties the taxonomy gives them.
 */
interface ColumnType {
  dataType: string;
  unique?: boolean;
  labelOf?: string;
}
const BUDGET_TAXONOMY: Record<string, ColumnType> = {
  value: { dataType: 'number' },
  'value-currency:code': { dataType: 'string', unique: true },
  'date:fiscal-year': { dataType: 'integer', unique: true },
  'phase:id': { dataType: 'string', unique: true },
  'budget-line-id': { dataType: 'string', unique: true },
  'expenditure-type:code': { dataType: 'string', unique: true },
  'administrative-classification:generic:code': { dataType: 'string', unique: true },
  'administrative-classification:generic:label': {
    dataType: 'string',
    labelOf: 'administrative-classification:generic:code',
  },
  'administrative-classification:generic:level1:code': { dataType: 'string', unique: true },
  'administrative-classification:generic:level1:label': {
    dataType: 'string',
    labelOf: 'administrative-classification:generic:level1:code',
  },
  'economic-classification:generic:code': { dataType: 'string', unique: true },
  'economic-classification:generic:label': { dataType: 'string', labelOf: 'economic-classification:generic:code' },
  'functional-classification:generic:code': { dataType: 'string', unique: true },
  'functional-classification:generic:label': {
    dataType: 'string',
    labelOf: 'functional-classification:generic:code',
  },
  'activity:generic:program:code': { dataType: 'string', unique: true },
  'activity:generic:program:label': { dataType: 'string', labelOf: 'activity:generic:program:code' },
  'activity:generic:subprogram:code': { dataType: 'string', unique: true },
  'activity:generic:subprogram:label': { dataType: 'string', labelOf: 'activity:generic:subprogram:code' },
};
const BUDGET_TAXONOMY_URL = 'https://specs.frictionlessdata.io/taxonomies/fiscal/budgets.json';

/**
 * A ColumnType's properties as the FDP spec has a reader find them: a definition the descriptor
 * gives in `columnTypes`, else the taxonomy's own, else the longest taxonomy name that is a
 * prefix of it (a custom `…:label:en` is a `…:label`).
 */
function columnTypeOf(name: string, declared: readonly ({ name: string } & ColumnType)[]): ColumnType | undefined {
  const own = declared.find((definition) => definition.name === name);
  if (own) return own;
  const parts = name.split(':');
  for (let length = parts.length; length > 0; length--) {
    const known = BUDGET_TAXONOMY[parts.slice(0, length).join(':')];
    if (known) return known;
  }
  return undefined;
}

describe('open data as the reference Fiscal Data Package library reads it', () => {
  it('validates against the bundled fiscal-data-package profile, reads and casts every row, and maps each column to a ColumnType', async () => {
    const data = await openData(itc, approvedId);
    const descriptor = data.descriptor;
    expect(descriptor.profile).toBe('fiscal-data-package');
    // The profile's first part is the tabular-data-package schema, whose `profile` admits only
    // that name: the library checks a copy that says so against the fiscal one.
    const asTabular = { ...descriptor, profile: 'tabular-data-package' };
    const checked = (await Profile.load('fiscal-data-package')).validate(asTabular);
    expect(checked.errors.map((error) => error.message)).toEqual([]);
    expect(checked.valid).toBe(true);

    const folder = await mkdtemp(path.join(tmpdir(), 'ikt-open-data-'));
    try {
      await writeFile(path.join(folder, 'budget.csv'), data.csvBytes);
      const dataPackage = await Package.load(asTabular, { basePath: folder, strict: true });
      expect(dataPackage.errors.map((error) => error.message)).toEqual([]);
      expect(dataPackage.valid).toBe(true);
      expect(dataPackage.resources.map((resource) => resource.name)).toEqual(['budget']);
      // Every value cast to its field's type, and the primary key unique (the library checks both).
      const rows = (await dataPackage.resources[0]!.read({ keyed: true, cast: true })) as Record<string, unknown>[];
      expect(rows.length).toBe(data.csv.length - 1);
      expect(typeof rows[0]!.fiscal_year).toBe('number');
      expect(typeof rows[0]!.amount).toBe('number');
    } finally {
      await rm(folder, { recursive: true, force: true });
    }

    // FDP v1: each column says which fiscal concept it holds, with the data type that concept has.
    const declared = (descriptor.columnTypes ?? []).filter(
      (entry): entry is { name: string } & ColumnType => typeof entry === 'object' && entry !== null,
    );
    // Naming any ColumnTypes replaces the default taxonomy, so it must be named too.
    if (descriptor.columnTypes) expect(descriptor.columnTypes).toContain(BUDGET_TAXONOMY_URL);
    const fields = descriptor.resources[0]!.schema.fields;
    const unmapped = fields.filter((field) => !field.columnType || !columnTypeOf(field.columnType, declared));
    expect(unmapped.map((field) => field.name)).toEqual([]);
    const byColumn = Object.fromEntries(fields.map((field) => [field.name, field.columnType!]));
    for (const field of fields) {
      expect(field.type, `${field.name} (${field.columnType})`).toBe(
        columnTypeOf(field.columnType!, declared)!.dataType,
      );
      const labelOf = columnTypeOf(field.columnType!, declared)!.labelOf;
      // A label column names the codes of a column beside it (…:level1:label of …:level1:code).
      if (labelOf) expect(Object.values(byColumn), field.name).toContain(labelOf);
    }
    expect(byColumn).toMatchObject({
      amount: 'value',
      currency: 'value-currency:code',
      fiscal_year: 'date:fiscal-year',
      phase: 'phase:id',
      line_item_id: 'budget-line-id',
      institution_code: expect.stringMatching(/^administrative-classification:generic:(level1:)?code$/),
      ekk_code: expect.stringMatching(/^economic-classification:generic:(level1:)?code$/),
      sub_programme_code: 'activity:generic:subprogram:code',
    });
    // The columns of the table's primary key are ones the taxonomy counts as identifying a row.
    for (const key of descriptor.resources[0]!.schema.primaryKey) {
      expect(columnTypeOf(byColumn[key]!, declared)?.unique, key).toBe(true);
    }
    // The model's measure is the column of ColumnType `value`.
    expect(byColumn[descriptor.model.measures.amount!.source]).toBe('value');
  });
});
