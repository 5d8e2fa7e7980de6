import { describe, expect, it } from 'vitest';
import { consolidationSearch, drillTarget } from './drill-down';

describe('drillTarget', () => {
  it('opens an institution as its sub-programmes, keeping the filters already set', () => {
    expect(drillTarget('institution', { key: 'IKSD' }, { costNature: 'development' })).toEqual({
      kind: 'view',
      params: { by: 'sub_programme', institution: 'IKSD', costNature: 'development' },
    });
  });

  it('opens a sub-programme in its workspace', () => {
    expect(drillTarget('sub_programme', { key: 'IKT.IKSD.01' }, {})).toEqual({
      kind: 'sub-programme',
      code: 'IKT.IKSD.01',
    });
  });

  it('narrows by cost nature and review status, but not to cut items (the API cannot)', () => {
    expect(drillTarget('cost_nature', { key: 'maintenance' }, {})).toMatchObject({
      params: { costNature: 'maintenance' },
    });
    expect(drillTarget('review_status', { key: 'returned' }, {})).toMatchObject({
      params: { reviewStatus: 'returned' },
    });
    expect(drillTarget('review_status', { key: 'cut' }, {})).toBeUndefined();
  });

  it('has nowhere to go for a dimension the API cannot filter by, or for the "not specified" row', () => {
    expect(drillTarget('ekk', { key: '2251' }, {})).toBeUndefined();
    expect(drillTarget('institution', { key: '' }, {})).toBeUndefined();
  });
});

describe('consolidationSearch', () => {
  it('puts the view in the address', () => {
    expect(consolidationSearch(2, { by: 'sub_programme', institution: 'IKSD' })).toBe(
      '?cycle=2&by=sub_programme&institution=IKSD',
    );
  });
});
