import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines', () => {
    const rows = parseCsv('code,name\r\nA,"Pasta, telefona ""un"" citi\nsakari"\nB,plain\n');
    expect(rows).toEqual([
      { code: 'A', name: 'Pasta, telefona "un" citi\nsakari' },
      { code: 'B', name: 'plain' },
    ]);
  });

  it('refuses a row whose field count differs from the header', () => {
    expect(() => parseCsv('a,b\n1,2,3\n')).toThrow(/3 fields/);
  });
});
