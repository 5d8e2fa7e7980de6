import type { EkkCode } from '@ikt/shared/reference.schema';
import { describe, expect, it } from 'vitest';
import { orderEkkHierarchy } from './ekk-hierarchy';

const ekk = (code: string, parentCode: string | null, level: number): EkkCode => ({
  code,
  parentCode,
  level,
  nameLv: code,
  nameEn: code,
  selectable: level === 4,
  retired: false,
});

describe('orderEkkHierarchy', () => {
  it('puts every parent directly before its children, whatever order the server sent', () => {
    const shuffled = [
      ekk('2210', '2200', 3),
      ekk('1000', null, 1),
      ekk('2000', null, 1),
      ekk('2200', '2000', 2),
      ekk('1100', '1000', 2),
      ekk('2100', '2000', 2),
    ];
    expect(orderEkkHierarchy(shuffled).map((code) => code.code)).toEqual([
      '1000',
      '1100',
      '2000',
      '2100',
      '2200',
      '2210',
    ]);
  });

  it('keeps a code whose parent is missing, at the top level', () => {
    const codes = [ekk('5238', '5230', 4), ekk('1000', null, 1)];
    expect(orderEkkHierarchy(codes).map((code) => code.code)).toEqual(['1000', '5238']);
  });

  it('shows codes caught in a parent cycle instead of hanging', () => {
    const codes = [ekk('1', '2', 1), ekk('2', '1', 1), ekk('3', null, 1)];
    expect(orderEkkHierarchy(codes).map((code) => code.code)).toEqual(['3', '1', '2']);
  });
});
