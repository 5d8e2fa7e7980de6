import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './open-data';

describe('open data CSV', () => {
  it('keeps a spreadsheet from taking text for a formula (=, +, -, @, tab, CR)', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('+SUM(A1)')).toBe(`"'+SUM(A1)"`);
    expect(csvField('-2')).toBe(`"'-2"`);
    expect(csvField('@cmd')).toBe(`"'@cmd"`);
    expect(csvField('\t=1')).toBe(`"'\t=1"`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('quotes by RFC 4180 and leaves numbers and plain text alone', () => {
    expect(csvField('Datu centrs')).toBe('Datu centrs');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('rinda\notrā')).toBe('"rinda\notrā"');
    expect(csvField(2027)).toBe('2027');
    expect(csvLine(['1234.56', 'EUR', 'x "y"'])).toBe('1234.56,EUR,"x ""y"""\r\n');
  });
});
