import { describe, expect, it } from 'vitest';
import { parseClipboardTable } from './clipboard-table';

describe('parseClipboardTable', () => {
  it('splits rows at line breaks and cells at tabs, ignoring the trailing line break Excel adds', () => {
    expect(parseClipboardTable('Serveri\t2251\r\nTīkls\t2210\r\n')).toEqual({
      rows: [
        ['Serveri', '2251'],
        ['Tīkls', '2210'],
      ],
      width: 2,
    });
  });

  it('accepts LF and old Mac CR line ends', () => {
    expect(parseClipboardTable('a\tb\nc\td').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardTable('a\rb\r').rows).toEqual([['a'], ['b']]);
  });

  it('keeps Latvian and English number forms as typed (the money parser reads them)', () => {
    expect(parseClipboardTable('1 234,56\t1,234.56\t1\u00a0000,00 €\n').rows).toEqual([
      ['1 234,56', '1,234.56', '1\u00a0000,00 €'],
    ]);
  });

  it('reads a quoted cell with line breaks, tabs and doubled quotes inside', () => {
    const text = 'Serveri\t"Pirmā rinda\nOtrā rinda"\t5\r\n"Ar ""pēdiņām""\tun tabu"\tx\t6\r\n';
    expect(parseClipboardTable(text).rows).toEqual([
      ['Serveri', 'Pirmā rinda\nOtrā rinda', '5'],
      ['Ar "pēdiņām"\tun tabu', 'x', '6'],
    ]);
  });

  it('turns a CRLF inside a quoted cell into a plain line break', () => {
    expect(parseClipboardTable('"a\r\nb"\tc').rows).toEqual([['a\nb', 'c']]);
  });

  it('keeps a quote that does not wrap the whole cell as part of the text', () => {
    expect(parseClipboardTable('"Rīga" un Jūrmala\t1\n').rows).toEqual([['"Rīga" un Jūrmala', '1']]);
    expect(parseClipboardTable('12" monitors\t2\n').rows).toEqual([['12" monitors', '2']]);
    expect(parseClipboardTable('"never closed\t3\n').rows).toEqual([['"never closed', '3']]);
  });

  it('pads ragged rows to the widest row', () => {
    expect(parseClipboardTable('a\tb\tc\nd\ne\tf\n')).toEqual({
      rows: [
        ['a', 'b', 'c'],
        ['d', '', ''],
        ['e', 'f', ''],
      ],
      width: 3,
    });
  });

  it('keeps empty cells in the middle and at the end of a row', () => {
    expect(parseClipboardTable('a\t\tc\t\n').rows).toEqual([['a', '', 'c', '']]);
  });

  it('drops rows with nothing in them', () => {
    expect(parseClipboardTable('a\tb\n\t\n\nc\td\n  \t \n').rows).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('answers no rows for empty text', () => {
    expect(parseClipboardTable('')).toEqual({ rows: [], width: 0 });
    expect(parseClipboardTable('\r\n')).toEqual({ rows: [], width: 0 });
  });

  it('reads a single cell', () => {
    expect(parseClipboardTable('1234,56')).toEqual({ rows: [['1234,56']], width: 1 });
  });
});
