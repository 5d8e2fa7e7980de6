import { describe, expect, it } from 'vitest';
import { problemsByRow } from './batch-problems';

describe('problemsByRow', () => {
  it('puts each problem on the pasted row its item was read from, with the column it concerns', () => {
    // Items sent: rows 2, 3 and 5 of the paste (row 1 a header, row 4 not sent).
    const { byRow, other } = problemsByRow(
      [
        { path: 'items.0.ekkCode', message: 'Nezināms kods' },
        { path: 'items.2.amounts.2031', message: 'Cikla finanšu gadi ir 2027, 2028, 2029' },
        { path: 'items.2.goalCodes.M42', message: 'Nezināms kods' },
        { path: 'items.2.title', message: 'Obligāts lauks' },
      ],
      [2, 3, 5],
    );
    expect(other).toEqual([]);
    expect([...byRow.keys()]).toEqual([2, 5]);
    expect(byRow.get(2)).toEqual([{ field: 'ekkCode', path: 'ekkCode', message: 'Nezināms kods' }]);
    expect(byRow.get(5)?.map((problem) => [problem.field, problem.path])).toEqual([
      ['amount:2031', 'amounts.2031'],
      [undefined, 'goalCodes.M42'],
      ['title', 'title'],
    ]);
  });

  it('keeps apart what names no item that was sent', () => {
    const { byRow, other } = problemsByRow(
      [
        { path: 'items', message: 'Par lielu: ne vairāk kā 1000' },
        { path: 'items.7.title', message: 'Obligāts lauks' },
        { path: 'items.0.constructor', message: 'Nezināmi lauki: constructor' },
      ],
      [1],
    );
    expect(other.map((problem) => problem.path)).toEqual(['items', 'items.7.title']);
    expect(byRow.get(1)).toEqual([{ field: undefined, path: 'constructor', message: 'Nezināmi lauki: constructor' }]);
  });
});
