import type { ServiceConsumptionRow } from '@ikt/shared/full-cost.schema';
import { describe, expect, it } from 'vitest';
import {
  cellKey,
  cellText,
  changedCells,
  consumptionBody,
  driversBody,
  pastedEdits,
  savedQuantities,
} from './allocation-basis';

const rows: ServiceConsumptionRow[] = [
  { serviceCode: 'WS', institutionCode: 'IKSD', fiscalYear: 2027, quantity: '3200' },
  { serviceCode: 'WS', institutionCode: 'IKSD', fiscalYear: 2028, quantity: '3300' },
  { serviceCode: 'DC', institutionCode: 'LD', fiscalYear: 2027, quantity: '12.5' },
  { serviceCode: 'IS-M', institutionCode: 'LD', fiscalYear: 2027, quantity: '1' },
];
const none = new Set<string>();

describe('the consumption grid', () => {
  it('shows what was typed, or the saved quantity with a decimal comma', () => {
    const saved = savedQuantities(rows);
    expect(cellText(cellKey('DC', 'LD', 2027), saved, {})).toBe('12,5');
    expect(cellText(cellKey('DC', 'LD', 2027), saved, { [cellKey('DC', 'LD', 2027)]: '13' })).toBe('13');
    expect(cellText(cellKey('WS', 'LD', 2027), saved, {})).toBe('');
  });

  it('counts a cell as changed only when its quantity differs', () => {
    const saved = savedQuantities(rows);
    expect(changedCells(saved, { [cellKey('DC', 'LD', 2027)]: '12,50', [cellKey('WS', 'LD', 2027)]: '' })).toEqual([]);
    expect(changedCells(saved, { [cellKey('DC', 'LD', 2027)]: '13', [cellKey('WS', 'LD', 2027)]: 'x' })).toEqual([
      cellKey('DC', 'LD', 2027),
      cellKey('WS', 'LD', 2027),
    ]);
  });

  it('sends every year with the edits applied, an emptied cell as 0, and no direct service', () => {
    const body = consumptionBody(
      rows,
      { [cellKey('WS', 'IKSD', 2027)]: '3 250', [cellKey('DC', 'LD', 2027)]: '', [cellKey('WS', 'LD', 2027)]: '7,5' },
      new Set(['IS-M']),
    );
    expect(body.problems).toEqual({});
    expect(body.rows).toEqual([
      { serviceCode: 'WS', institutionCode: 'IKSD', fiscalYear: 2027, quantity: '3250' },
      { serviceCode: 'WS', institutionCode: 'IKSD', fiscalYear: 2028, quantity: '3300' },
      { serviceCode: 'DC', institutionCode: 'LD', fiscalYear: 2027, quantity: '0' },
      { serviceCode: 'WS', institutionCode: 'LD', fiscalYear: 2027, quantity: '7.5' },
    ]);
    expect(body.cells[3]).toBe(cellKey('WS', 'LD', 2027));
  });

  it('names each cell that holds no quantity', () => {
    const body = consumptionBody(rows, { [cellKey('WS', 'LD', 2027)]: '-2', [cellKey('DC', 'LD', 2027)]: 'abc' }, none);
    expect(body.problems).toEqual({ [cellKey('WS', 'LD', 2027)]: 'negative', [cellKey('DC', 'LD', 2027)]: 'invalid' });
  });

  it('lays a pasted block from the cell down and across, and drops what falls outside', () => {
    const grid = { rows: ['IKSD', 'LD'], columns: ['WS', 'DC'] };
    const keyOf = (row: string, column: string) => cellKey(column, row, 2027);
    expect(
      pastedEdits(
        [
          ['10', ' 2 '],
          ['11', '3'],
          ['12', '4'],
        ],
        { row: 0, column: 1 },
        grid,
        keyOf,
      ),
    ).toEqual({
      [cellKey('DC', 'IKSD', 2027)]: '10',
      [cellKey('DC', 'LD', 2027)]: '11',
    });
  });
});

describe('the drivers', () => {
  it('sends a direct service, or one with both unit names; asks for the other name when one is missing', () => {
    expect(
      driversBody({
        WS: { unitLv: ' darbstacijas ', unitEn: 'workstations', direct: false },
        'IS-M': { unitLv: '', unitEn: '', direct: true },
        GIS: { unitLv: 'lietotāji', unitEn: '', direct: false },
        PRINT: { unitLv: '', unitEn: '', direct: false },
      }),
    ).toEqual({
      drivers: [
        { serviceCode: 'WS', unitLv: 'darbstacijas', unitEn: 'workstations' },
        { serviceCode: 'IS-M', unitLv: 'direct', unitEn: 'direct' },
      ],
      services: ['WS', 'IS-M'],
      problems: ['GIS'],
    });
  });
});
