import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { Cycle } from '@ikt/shared/cycle.schema';
import { Decimal, toMoneyString } from '@ikt/shared/money';
import { message, translate, type Message } from '../../messages/message';
import type { ItemRecord } from './spreadsheets.repository';

/**
 * The open data of an approved cycle: budget.csv (one row per line item and fiscal year) and a
 * Fiscal Data Package descriptor (datapackage.json) saying what each column is. Only what the
 * approved budget publishes goes in — no comments, no people, no review history.
 */

/**
 * The columns of budget.csv. `columnType` is the fiscal concept a column holds, in the Fiscal Data
 * Package v1 Budget Taxonomy (specs.frictionlessdata.io/taxonomies/fiscal/budgets.json); the
 * taxonomy fixes the data type of each (a fiscal year is an `integer`, a budget line id a
 * `string`), so `type` follows it. A name longer than the taxonomy's (`…:label:en`) is a kind of
 * the one it starts with, as the spec reads unknown names; the two the taxonomy lacks are
 * defined in COLUMN_TYPES below.
 */
export const CSV_FIELDS = [
  { name: 'line_item_id', type: 'string', columnType: 'budget-line-id', title: 'Line item id' },
  { name: 'title', type: 'string', columnType: 'budget-line:label', title: 'Line item (Latvian)' },
  { name: 'fiscal_year', type: 'integer', columnType: 'date:fiscal-year', title: 'Fiscal year' },
  { name: 'amount', type: 'number', columnType: 'value', title: 'Amount' },
  { name: 'currency', type: 'string', columnType: 'value-currency:code', title: 'Currency' },
  { name: 'phase', type: 'string', columnType: 'phase:id', title: 'Budget phase' },
  {
    name: 'institution_code',
    type: 'string',
    columnType: 'administrative-classification:generic:level1:code',
    title: 'Institution code',
  },
  {
    name: 'institution_name',
    type: 'string',
    columnType: 'administrative-classification:generic:level1:label',
    title: 'Institution (Latvian)',
  },
  {
    name: 'institution_name_en',
    type: 'string',
    columnType: 'administrative-classification:generic:level1:label:en',
    title: 'Institution (English)',
  },
  {
    name: 'sub_programme_code',
    type: 'string',
    columnType: 'activity:generic:subprogram:code',
    title: 'Sub-programme code',
  },
  {
    name: 'sub_programme_name',
    type: 'string',
    columnType: 'activity:generic:subprogram:label',
    title: 'Sub-programme (Latvian)',
  },
  // A four-digit EKK code is the whole code, not one level of it.
  {
    name: 'ekk_code',
    type: 'string',
    columnType: 'economic-classification:generic:code',
    title: 'Economic classification (EKK) code',
  },
  {
    name: 'ekk_name',
    type: 'string',
    columnType: 'economic-classification:generic:label',
    title: 'Economic classification (Latvian)',
  },
  {
    name: 'ekk_name_en',
    type: 'string',
    columnType: 'economic-classification:generic:label:en',
    title: 'Economic classification (English)',
  },
  {
    name: 'cost_nature',
    type: 'string',
    columnType: 'expenditure-type:code',
    title: 'Cost nature (maintenance, development, implementation)',
  },
  {
    name: 'goal_codes',
    type: 'string',
    columnType: 'ict-development-goal:code-list',
    title: 'ICT development goals (M1–M7), separated by semicolons',
  },
] as const;

/**
 * The descriptor's `columnTypes`: the Budget Taxonomy (which naming any replaces as the default)
 * and the two concepts it has no name for.
 */
const COLUMN_TYPES = [
  'https://specs.frictionlessdata.io/taxonomies/fiscal/budgets.json',
  { name: 'budget-line:label', dataType: 'string', labelOf: 'budget-line-id' },
  { name: 'ict-development-goal:code-list', dataType: 'string' },
];
type CsvField = (typeof CSV_FIELDS)[number]['name'];

/** A text field that a spreadsheet would take for a formula gets a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== value ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

export function csvLine(values: readonly (string | number)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export interface OpenDataNames {
  institutions: ReadonlyMap<string, { lv: string; en: string }>;
  ekk: ReadonlyMap<string, { lv: string; en: string }>;
  subProgrammes: ReadonlyMap<number, { code: string; name: string; institutionCode: string }>;
}

/** The CSV rows of one page of items: every fiscal year of the cycle, 0.00 where none is stored. */
export function csvRows(
  items: readonly ItemRecord[],
  subProgrammeId: number,
  cycle: Cycle,
  names: OpenDataNames,
): string {
  const subProgramme = names.subProgrammes.get(subProgrammeId)!;
  const institution = names.institutions.get(subProgramme.institutionCode);
  let text = '';
  for (const item of items) {
    const ekk = names.ekk.get(item.ekk_code);
    for (const year of cycle.fiscalYears) {
      const row: Record<CsvField, string | number> = {
        line_item_id: item.id,
        title: item.title,
        fiscal_year: year,
        amount: toMoneyString(new Decimal(item.amounts[String(year)] ?? '0')),
        currency: 'EUR',
        phase: 'approved',
        institution_code: subProgramme.institutionCode,
        institution_name: institution?.lv ?? '',
        institution_name_en: institution?.en ?? '',
        sub_programme_code: subProgramme.code,
        sub_programme_name: subProgramme.name,
        ekk_code: item.ekk_code,
        ekk_name: ekk?.lv ?? '',
        ekk_name_en: ekk?.en ?? '',
        cost_nature: item.cost_nature,
        goal_codes: item.goal_codes.join(';'),
      };
      text += csvLine(CSV_FIELDS.map((field) => row[field.name]));
    }
  }
  return text;
}

/** Writes budget.csv from the pages given; answers its size and SHA-256 for the descriptor. */
export async function writeCsv(file: string, pages: AsyncIterable<string>): Promise<{ bytes: number; sha256: string }> {
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  const write = async (text: string) => {
    const chunk = Buffer.from(text, 'utf8');
    hash.update(chunk);
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write(csvLine(CSV_FIELDS.map((f) => f.name)));
  for await (const text of pages) await write(text);
  out.end();
  await once(out, 'finish');
  return { bytes, sha256: hash.digest('hex') };
}

const bothLanguages = (said: Message) => `${translate(said, 'lv')} / ${translate(said, 'en')}`;

/** The Fiscal Data Package descriptor for budget.csv. */
export function dataPackage(cycle: Cycle, csv: { bytes: number; sha256: string }, createdAt: Date) {
  const first = cycle.fiscalYears[0]!;
  const last = cycle.fiscalYears[cycle.fiscalYears.length - 1]!;
  const attribute = (source: CsvField, labelfor?: CsvField) => ({ source, ...(labelfor ? { labelfor } : {}) });
  return {
    profile: 'fiscal-data-package',
    name: `riga-ict-budget-${cycle.year}`,
    // Open data has one descriptor for every reader: its texts in both languages, Latvian first.
    title: bothLanguages(message('openData.title', { first, last })),
    description: bothLanguages(message('openData.description')),
    version: '1.0.0',
    created: createdAt.toISOString(),
    countryCode: 'LV',
    granularity: 'aggregated',
    fiscalPeriod: { start: `${first}-01-01`, end: `${last}-12-31` },
    keywords: ['budget', 'ICT', 'Riga', 'budžets', 'IKT'],
    columnTypes: COLUMN_TYPES,
    licenses: [
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ],
    resources: [
      {
        profile: 'tabular-data-resource',
        name: 'budget',
        path: 'budget.csv',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        bytes: csv.bytes,
        hash: `sha256:${csv.sha256}`,
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true },
        schema: {
          fields: CSV_FIELDS.map((field) =>
            field.name === 'amount'
              ? { ...field, decimalChar: '.', constraints: { required: true, minimum: 0 } }
              : { ...field },
          ),
          primaryKey: ['line_item_id', 'fiscal_year'],
        },
      },
    ],
    model: {
      measures: {
        amount: { source: 'amount', currency: 'EUR', factor: 1, direction: 'expenditure', phase: 'approved' },
      },
      dimensions: {
        administrative_classification: {
          dimensionType: 'classification',
          classificationType: 'administrative',
          attributes: {
            institution_code: attribute('institution_code'),
            institution_name: attribute('institution_name', 'institution_code'),
            institution_name_en: attribute('institution_name_en', 'institution_code'),
          },
          primaryKey: ['institution_code'],
        },
        economic_classification: {
          dimensionType: 'classification',
          classificationType: 'economic',
          attributes: {
            ekk_code: attribute('ekk_code'),
            ekk_name: attribute('ekk_name', 'ekk_code'),
            ekk_name_en: attribute('ekk_name_en', 'ekk_code'),
          },
          primaryKey: ['ekk_code'],
        },
        activity: {
          dimensionType: 'activity',
          attributes: {
            sub_programme_code: attribute('sub_programme_code'),
            sub_programme_name: attribute('sub_programme_name', 'sub_programme_code'),
          },
          primaryKey: ['sub_programme_code'],
        },
        fiscal_year: {
          dimensionType: 'datetime',
          attributes: { fiscal_year: attribute('fiscal_year') },
          primaryKey: ['fiscal_year'],
        },
        line_item: {
          dimensionType: 'fact',
          attributes: { line_item_id: attribute('line_item_id'), title: attribute('title', 'line_item_id') },
          primaryKey: ['line_item_id'],
        },
        cost_nature: {
          dimensionType: 'other',
          attributes: { cost_nature: attribute('cost_nature') },
          primaryKey: ['cost_nature'],
        },
        goal: {
          dimensionType: 'other',
          attributes: { goal_codes: attribute('goal_codes') },
          primaryKey: ['goal_codes'],
        },
        currency: {
          dimensionType: 'other',
          attributes: { currency: attribute('currency') },
          primaryKey: ['currency'],
        },
        phase: {
          dimensionType: 'other',
          attributes: { phase: attribute('phase') },
          primaryKey: ['phase'],
        },
      },
    },
  };
}

/** Zips budget.csv (streamed from its file) and datapackage.json into `file`. */
export async function writeOpenDataZip(file: string, csvFile: string, descriptor: unknown): Promise<void> {
  const zip = new JSZip();
  zip.file('datapackage.json', `${JSON.stringify(descriptor, null, 2)}\n`);
  zip.file('budget.csv', createReadStream(csvFile));
  await pipeline(
    zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }),
    createWriteStream(file),
  );
}
