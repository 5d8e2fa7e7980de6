import { describe, expect, it } from 'vitest';
import { parseClipboardTable } from '../../../utils/clipboard-table';
import { normaliseHeader, readPastedRows, type PasteContext } from './paste-rows';

const context: PasteContext = {
  fiscalYears: [2027, 2028, 2029],
  selectableEkkCodes: new Set(['2251', '5238', '2210']),
};
const read = (text: string) => readPastedRows(parseClipboardTable(text), context);

describe('readPastedRows', () => {
  it('reads three rows copied from a sheet laid out like the grid, in Latvian number forms', () => {
    const preview = read(
      'Serveru uzturēšana\t2251\tUzturēšana\tObligāta\t1 215 000,00\t1 240 000,00\t1 265 000,00\r\n' +
        'Tīkla uzturēšana\t2210\tmaintenance\thigh\t655000\t655000\t670000\r\n' +
        'Rezerves datu centrs\t5238 Datortehnika\tAttīstība\tVidēja\t850 000\t420 000,5\t0\r\n',
    );
    expect(preview.hasHeader).toBe(false);
    expect(preview.rows.map((row) => row.problems)).toEqual([[], [], []]);
    expect(preview.rows[0]?.input).toEqual({
      title: 'Serveru uzturēšana',
      ekkCode: '2251',
      costNature: 'maintenance',
      priority: 'mandatory',
      amounts: { '2027': '1215000.00', '2028': '1240000.00', '2029': '1265000.00' },
    });
    expect(preview.rows[2]?.input?.ekkCode).toBe('5238');
    expect(preview.rows[2]?.input?.amounts).toEqual({ '2027': '850000.00', '2028': '420000.50', '2029': '0.00' });
  });

  it('reads English labels and English number forms', () => {
    const preview = read('Licences\t2251\tDevelopment\tLow\t1,234.56\t\t\n');
    expect(preview.rows[0]?.input).toMatchObject({
      costNature: 'development',
      priority: 'low',
      amounts: { '2027': '1234.56' },
    });
  });

  it('uses a header row, in any column order, and takes the defence texts along', () => {
    const preview = read(
      'Prioritāte\t2028. gads\tNosaukums\tEKK kods\tIzmaksu veids\tBiznesa vajadzība\tPiezīmes\n' +
        'Augsta\t100\t"Licences\nun atbalsts"\t2251\tUzturēšana\tVisām skolām\tignored\n',
    );
    expect(preview.hasHeader).toBe(true);
    expect(preview.columns).toEqual([
      'priority',
      'amount:2028',
      'title',
      'ekkCode',
      'costNature',
      'businessNeed',
      undefined,
    ]);
    expect(preview.rows[0]?.sourceRow).toBe(2);
    expect(preview.rows[0]?.input).toEqual({
      title: 'Licences un atbalsts',
      ekkCode: '2251',
      costNature: 'maintenance',
      priority: 'high',
      amounts: { '2028': '100.00' },
      businessNeed: 'Visām skolām',
    });
  });

  it('lists every problem of a row against the column it came from', () => {
    const preview = read('\t9999\tkaut kas\t\t1,234\t-5\tabc\n');
    expect(preview.rows[0]?.input).toBeUndefined();
    expect(preview.rows[0]?.problems).toEqual([
      { field: 'title', kind: 'required' },
      { field: 'ekkCode', kind: 'unknownEkk' },
      { field: 'costNature', kind: 'unknownCostNature' },
      { field: 'priority', kind: 'required' },
      { field: 'amount:2027', kind: 'money', problem: 'ambiguous' },
      { field: 'amount:2028', kind: 'money', problem: 'negative' },
      { field: 'amount:2029', kind: 'money', problem: 'invalid' },
    ]);
  });

  it('reads short (ragged) rows as missing cells, and empty amounts as no amount', () => {
    const preview = read('Serveri\t2251\tUzturēšana\tZema\t10\t20\t30\nTīkls\t2210\tUzturēšana\tZema\n');
    expect(preview.rows[1]?.problems).toEqual([]);
    expect(preview.rows[1]?.input?.amounts).toEqual({});
  });

  it('refuses a title longer than the API allows', () => {
    const preview = read(`${'x'.repeat(301)}\t2251\tUzturēšana\tZema\n`);
    expect(preview.rows[0]?.problems).toEqual([{ field: 'title', kind: 'tooLong' }]);
  });

  it('leaves EKK checking to the server when the code list is not known', () => {
    const preview = readPastedRows(parseClipboardTable('Serveri\t1234\tUzturēšana\tZema\n'), {
      ...context,
      selectableEkkCodes: new Set(),
    });
    expect(preview.rows[0]?.problems).toEqual([]);
  });
});

describe('normaliseHeader', () => {
  it('ignores case, diacritics, a trailing colon and the currency', () => {
    expect(normaliseHeader('  Prioritāte: ')).toBe('prioritate');
    expect(normaliseHeader('2027 (EUR)')).toBe('2027');
    expect(normaliseHeader('Summa, €')).toBe('summa,');
  });
});
