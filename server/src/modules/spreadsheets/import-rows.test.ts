import { describe, expect, it } from 'vitest';
import type { LineItem } from '@ikt/shared/line-item.schema';
import { changesOf } from '../budget/line-item-changes';
import { locateItemSheet, parseRow } from './import-rows';
import type { RawCell, RawSheet } from './workbook-reader';

const HEADINGS = [
  'ID',
  'Versija',
  'Nosaukums',
  'Apraksts',
  'EKK kods',
  'EKK nosaukums (netiek importēts)',
  'Izmaksu raksturs',
  'Mērķi',
  'Prioritāte',
  'Rangs',
  'Daudzums',
  'Vienības cena, EUR',
  '2027, EUR',
  '2028, EUR',
];

function sheet(rows: Record<string, RawCell>[]): RawSheet {
  const cells = (values: Record<string, RawCell>) =>
    new Map(
      Object.entries(values).map(([heading, value]) => [HEADINGS.indexOf(heading) + 1, value] as [number, RawCell]),
    );
  return {
    name: 'Pozīcijas',
    rows: [
      { number: 1, cells: new Map([[1, 'IKT.LD.01 — Apakšprogramma']]) },
      { number: 5, cells: new Map(HEADINGS.map((h, i) => [i + 1, h] as [number, RawCell])) },
      ...rows.map((values, i) => ({ number: 6 + i, cells: cells(values) })),
    ],
  };
}

function layoutOf(raw: RawSheet, language: 'lv' | 'en' = 'lv') {
  const located = locateItemSheet([raw], [2027, 2028, 2029], language);
  if ('problems' in located) throw new Error(JSON.stringify(located.problems));
  return located;
}

const VALID = { Nosaukums: 'Serveri', 'EKK kods': '2251', 'Izmaksu raksturs': 'Uzturēšana', Prioritāte: 'zema' };

function parse(values: Record<string, RawCell>, language: 'lv' | 'en' = 'lv') {
  const { layout, rows } = layoutOf(sheet([values]), language);
  return parseRow(rows[0]!, layout, language);
}

describe('reading a row', () => {
  it('maps headings in either language, skipping read-only columns, and finds the heading row', () => {
    const { layout } = layoutOf(sheet([]));
    expect(layout.headerRow).toBe(5);
    expect(layout.columns.map((c) => c.field)).not.toContain('ekkName');
    expect(layout.years).toEqual(['2027', '2028']);
    expect(layout.columns.find((c) => c.field === 'ekkCode')).toMatchObject({ letter: 'E', heading: 'EKK kods' });
  });

  it('takes labels or codes of closed lists in either language, and codes from "code — name"', () => {
    const row = parse({
      ...VALID,
      'EKK kods': '2251 — Informācijas sistēmas uzturēšana',
      'Izmaksu raksturs': 'Development',
      Prioritāte: 'high',
    });
    expect(row!.input).toMatchObject({ ekkCode: '2251', costNature: 'development', priority: 'high' });
  });

  it('reads amounts exactly: numbers as Excel shows them (15 digits), Latvian text with a comma', () => {
    const row = parse({
      ...VALID,
      '2027, EUR': { number: '0.30000000000000004' }, // 0.1 + 0.2 as a file writes it
      '2028, EUR': '1 234,5 €',
      'Vienības cena, EUR': { number: '123456789012.34' },
      Daudzums: '2,5',
    });
    expect(row!.input).toMatchObject({
      amounts: { '2027': '0.30', '2028': '1234.50' },
      unitPrice: '123456789012.34',
      quantity: '2.5',
    });
  });

  it('reads a formula as its computed value and refuses one without a value', () => {
    expect(parse({ ...VALID, '2027, EUR': { formula: 'B1*2', result: { number: '42' } } })!.input!.amounts).toEqual({
      '2027': '42.00',
    });
    const refused = parse({ ...VALID, '2027, EUR': { formula: 'B1*2' } })!;
    expect(refused.input).toBeUndefined();
    expect(refused.problems).toEqual([
      expect.objectContaining({ column: 'M', columnName: '2027, EUR', message: expect.stringContaining('Formulai') }),
    ]);
  });

  it('answers a text longer than any field (kept by the reader as its length) as a problem of its cell', () => {
    const refused = parse({ ...VALID, Apraksts: { overlong: 25_001 } })!;
    expect(refused.input).toBeUndefined();
    expect(refused.problems).toEqual([
      expect.objectContaining({
        kind: 'invalid',
        row: 6,
        column: 'D',
        columnName: 'Apraksts',
        message: 'Šūnā ir 25001 rakstzīme — vairāk, nekā pieņem jebkurš lauks (ne vairāk kā 10000 rakstzīmes)',
      }),
    ]);
    expect(parse({ ...VALID, Apraksts: { overlong: 20_002 } }, 'en')!.problems[0]!.message).toBe(
      'The cell holds 20002 characters — more than any field takes (at most 10000 characters)',
    );
    // A required field's cell that cannot be read is named once, not also as empty.
    expect(parse({ ...VALID, Nosaukums: { overlong: 20_001 } })!.problems).toEqual([
      expect.objectContaining({ columnName: 'Nosaukums', message: expect.stringContaining('20001') }),
    ]);
  });

  it('splits goals on semicolons, commas or spaces', () => {
    expect(parse({ ...VALID, Mērķi: 'm1; M5,M7 ' })!.input!.goalCodes).toEqual(['M1', 'M5', 'M7']);
  });

  it('skips a blank row and lists every problem of a bad one, in the language asked', () => {
    const { layout, rows } = layoutOf(sheet([{}]));
    expect(parseRow(rows[0]!, layout, 'lv')).toBeNull();
    const bad = parse(
      { ID: 'x', 'EKK kods': 'abc', 'Izmaksu raksturs': 'Cits', Prioritāte: 'zema', '2027, EUR': { number: '-1' } },
      'en',
    )!;
    expect(bad.problems.map((p) => [p.column, p.message])).toEqual([
      ['A', 'An ID is a positive whole number'],
      ['C', 'Required'],
      ['E', 'An EKK code is four digits'],
      ['G', 'Allowed values: Maintenance, Development, Implementation'],
      ['M', expect.stringMatching(/^An amount must be/)],
    ]);
    expect(bad.validFields).toMatchObject({ priority: 'low', amounts: {} });
    expect(bad.validFields).not.toHaveProperty('ekkCode');
  });

  it('needs a version for an existing item, and its columns', () => {
    expect(parse({ ...VALID, ID: { number: '12' } })!.problems).toEqual([
      expect.objectContaining({ column: 'B', message: 'Esošai pozīcijai jānorāda versija no eksportētā faila' }),
    ]);
    const raw = sheet([]);
    raw.rows[1]!.cells.delete(HEADINGS.indexOf('Prioritāte') + 1);
    const located = locateItemSheet([raw], [2027, 2028, 2029], 'lv');
    expect(located).toEqual({ problems: [expect.objectContaining({ kind: 'layout', columnName: 'Prioritāte' })] });
  });

  it('refuses an amount column for a year outside the cycle', () => {
    const located = locateItemSheet([sheet([])], [2030, 2031, 2032], 'lv');
    expect('problems' in located && located.problems.map((p) => p.column)).toEqual(['M', 'N']);
  });
});

describe('what a row changes', () => {
  const current: LineItem = {
    id: 7,
    subProgrammeId: 1,
    title: 'Serveri',
    description: 'Pirmā rinda\r\notrā',
    ekkCode: '2251',
    costNature: 'maintenance',
    ictServiceCode: null,
    informationSystemCode: null,
    goalCodes: ['M5', 'M7'],
    actionDirectionCode: null,
    priority: 'low',
    rank: 3,
    quantity: '2.000',
    unit: null,
    unitPrice: '10.00',
    businessNeed: '',
    legalBasis: '',
    impactIfCut: '',
    calculationBasis: '',
    beneficiaries: [],
    reviewStatus: 'draft',
    carriedFromId: null,
    version: 4,
    amounts: { '2027': '100.00', '2028': '0.00', '2029': '5.00' },
    stages: {
      request: { '2027': '100.00', '2028': '0.00', '2029': '5.00' },
      proposal: null,
      adopted: null,
      current: null,
      proposalReason: null,
    },
    previousYear: null,
    createdAt: '',
    updatedAt: '',
  };

  it('is nothing when the row holds the item’s values (line breaks, decimals and goal order aside)', () => {
    expect(
      changesOf(
        {
          title: 'Serveri',
          description: 'Pirmā rinda\notrā',
          goalCodes: ['M7', 'M5'],
          quantity: '2',
          unitPrice: '10.00',
          unit: null,
          amounts: { '2027': '100.00', '2028': '0.00' },
          ictServiceCode: null,
        },
        current,
      ),
    ).toEqual({});
  });

  it('keeps the beneficiaries a row does not name (the sheet has no column for them)', () => {
    const central: LineItem = {
      ...current,
      beneficiaries: [
        { institutionCode: 'IKSD', share: '75.0000' },
        { institutionCode: 'LD', share: '25.0000' },
      ],
    };
    expect(changesOf({ title: 'Serveri', rank: 4 }, central)).toEqual({ rank: 4 });
    // The same list in another order and written otherwise is no change; another list replaces it whole.
    const same = [
      { institutionCode: 'LD', share: '25' },
      { institutionCode: 'IKSD', share: '75.00' },
    ];
    expect(changesOf({ beneficiaries: same }, central)).toEqual({});
    const other = [{ institutionCode: 'LD', share: '100' }];
    expect(changesOf({ beneficiaries: other }, central)).toEqual({ beneficiaries: other });
  });

  it('names only the fields and years that differ', () => {
    expect(changesOf({ title: 'Serveri', amounts: { '2027': '100.01', '2028': '0.00' }, rank: 2 }, current)).toEqual({
      rank: 2,
      amounts: { '2027': '100.01' },
    });
  });
});
