import { describe, expect, it } from 'vitest';
import { submitRuleProblems, type SubmitRuleInput } from './submit-rules';

/** An item that passes every rule outside the central sub-programme. */
const ready: SubmitRuleInput = {
  businessNeed: 'Vajadzība',
  impactIfCut: 'Ietekme',
  legalBasis: '',
  priority: 'medium',
  costNature: 'maintenance',
  goalCodes: [],
  amounts: { '2027': '100.00', '2028': '0.00', '2029': '0.00' },
  ictServiceCode: null,
  beneficiaries: [],
  central: false,
};

const fields = (item: SubmitRuleInput) => submitRuleProblems(item).map((problem) => problem.field);

describe('the central submit rule', () => {
  it('asks nothing of an institution’s item without a service or beneficiaries', () => {
    expect(fields(ready)).toEqual([]);
  });

  it('asks a central item for its service or beneficiaries, in both languages', () => {
    const [problem] = submitRuleProblems({ ...ready, central: true });
    expect(problem?.field).toBe('ictServiceCode');
    expect(problem?.message.lv).toContain('IKT pakalpojums');
    expect(problem?.message.en).toContain('ICT service');
  });

  it('is satisfied by a service', () => {
    expect(fields({ ...ready, central: true, ictServiceCode: 'SRV-EMAIL' })).toEqual([]);
  });

  it('is satisfied by beneficiaries whose shares add up to exactly 100', () => {
    const beneficiaries = [
      { institutionCode: 'IZM', share: '33.3333' },
      { institutionCode: 'SOC', share: '33.3333' },
      { institutionCode: 'KUL', share: '33.3334' },
    ];
    expect(fields({ ...ready, central: true, beneficiaries })).toEqual([]);
  });

  it('is not satisfied by shares that miss 100 by a ten-thousandth', () => {
    const beneficiaries = [
      { institutionCode: 'IZM', share: '33.3333' },
      { institutionCode: 'SOC', share: '33.3333' },
      { institutionCode: 'KUL', share: '33.3333' },
    ];
    expect(fields({ ...ready, central: true, beneficiaries })).toEqual(['ictServiceCode']);
  });

  it('is not satisfied by a share still being typed, and does not fail on it', () => {
    const beneficiaries = [
      { institutionCode: 'IZM', share: '50' },
      { institutionCode: 'SOC', share: '5O' },
    ];
    expect(fields({ ...ready, central: true, beneficiaries })).toEqual(['ictServiceCode']);
  });

  it('comes after the other problems of the item', () => {
    expect(fields({ ...ready, central: true, businessNeed: ' ' })).toEqual(['businessNeed', 'ictServiceCode']);
  });
});
