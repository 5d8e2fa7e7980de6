import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './content-disposition';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name, which keeps Latvian letters', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="IKT-budzets-2027.xlsx"; filename*=UTF-8''IKT-bud%C5%BEets-2027.xlsx`,
      ),
    ).toBe('IKT-budžets-2027.xlsx');
  });

  it('reads a plain name, quoted or not', () => {
    expect(filenameFromDisposition('attachment; filename="a b.xlsx"')).toBe('a b.xlsx');
    expect(filenameFromDisposition('attachment; filename=plain.xlsx')).toBe('plain.xlsx');
  });

  it('drops folders and answers nothing without a name', () => {
    expect(filenameFromDisposition('attachment; filename="../../etc/x.xlsx"')).toBe('x.xlsx');
    expect(filenameFromDisposition('attachment')).toBeUndefined();
    expect(filenameFromDisposition(null)).toBeUndefined();
  });
});
