import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { importRejection } from './import-outcome';

const problem = (row: number | null, column: string | null, kind = 'invalid') => ({
  kind,
  sheet: 'Pozīcijas',
  row,
  column,
  columnName: column ? 'Virsraksts' : null,
  message: 'x',
});

const refused = (status: number, problems: unknown[]) =>
  new ApiError('problem', {
    status,
    title: 'Dati neatbilst noteikumiem',
    detail: 'Importu nevar veikt: nekas netika mainīts.',
    body: {
      type: 'urn:ikt-budzets:problem:import-rejected',
      title: 'Dati neatbilst noteikumiem',
      status,
      detail: 'Importu nevar veikt: nekas netika mainīts.',
      problems,
    },
  });

describe('importRejection', () => {
  it('lists every problem by row, then by column in spreadsheet order', () => {
    const rejection = importRejection(
      refused(422, [problem(9, 'AA'), problem(7, 'E'), problem(9, 'B'), problem(null, null, 'layout')]),
    );
    expect(rejection?.problems.map((p) => [p.row, p.column])).toEqual([
      [null, null],
      [7, 'E'],
      [9, 'B'],
      [9, 'AA'],
    ]);
    expect(rejection?.hasConflicts).toBe(false);
    expect(rejection?.detail).toBe('Importu nevar veikt: nekas netika mainīts.');
  });

  it('says when a row changed on the server since the download (409)', () => {
    expect(importRejection(refused(409, [problem(6, 'B', 'conflict')]))?.hasConflicts).toBe(true);
  });

  it('is not a rejection of rows when the file itself was refused, or the body is not one', () => {
    expect(importRejection(refused(415, []))).toBeUndefined();
    expect(importRejection(new ApiError('problem', { status: 422, title: 'x', body: { title: 'x' } }))).toBeUndefined();
    expect(importRejection(new Error('network'))).toBeUndefined();
  });
});
