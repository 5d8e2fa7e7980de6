import { describe, expect, it } from 'vitest';
import { isSubProgrammeCodeOf, subProgrammeCodePrefix } from './sub-programme.schema';

describe('sub-programme codes belong to their institution', () => {
  it('spell the institution code as the seed data does: capitals, no diacritics', () => {
    expect(subProgrammeCodePrefix('IKSD')).toBe('IKT.IKSD.');
    expect(subProgrammeCodePrefix('ĪD')).toBe('IKT.ID.');
    expect(subProgrammeCodePrefix('DzMPK')).toBe('IKT.DZMPK.');
  });

  it.each([
    ['IKT.IKSD.01', 'IKSD'],
    ['IKT.ID.01', 'ĪD'],
    ['IKT.ĪD.02', 'ĪD'],
    ['IKT.DzMPK.01', 'DzMPK'],
    ['IKT.DZMPK.01', 'DzMPK'],
    ['ikt.iksd.x', 'IKSD'],
  ])('%s is %s’s', (code, institution) => {
    expect(isSubProgrammeCodeOf(code, institution)).toBe(true);
  });

  it.each([
    ['IKT.ID.99', 'IKSD'],
    ['IKT.IKSD.01', 'ĪD'],
    ['IKT.IKSDX.01', 'IKSD'],
    ['IKT.IKS.01', 'IKSD'],
    ['IKT.IKSD.', 'IKSD'],
    ['IKT.IKSD', 'IKSD'],
    ['IKSD.01', 'IKSD'],
    ['X.IKT.IKSD.01', 'IKSD'],
  ])('%s is not %s’s', (code, institution) => {
    expect(isSubProgrammeCodeOf(code, institution)).toBe(false);
  });
});
