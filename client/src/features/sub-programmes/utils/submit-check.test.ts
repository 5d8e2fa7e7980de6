import type { LineItem } from '@ikt/shared/line-item.schema';
import { describe, expect, it } from 'vitest';
import { localSubmitProblems, submitProblemsFromErrors } from './submit-check';

const base = {
  subProgrammeId: 1,
  description: '',
  ekkCode: '2251',
  ictServiceCode: null,
  informationSystemCode: null,
  actionDirectionCode: null,
  rank: 1,
  quantity: null,
  unit: null,
  unitPrice: null,
  legalBasis: '',
  calculationBasis: '',
  carriedFromId: null,
  previousYear: null,
  stages: { request: {}, proposal: null, adopted: null, current: null, proposalReason: null },
  version: 1,
  createdAt: '',
  updatedAt: '',
} as const;

const complete: LineItem = {
  ...base,
  id: 1,
  title: 'Serveri',
  costNature: 'maintenance',
  goalCodes: [],
  priority: 'high',
  businessNeed: 'Vajag',
  impactIfCut: 'Apstājas',
  reviewStatus: 'draft',
  amounts: { '2027': '10.00' },
  beneficiaries: [],
};

describe('localSubmitProblems', () => {
  it('lists every rule an item breaks, naming the item, in the chosen language', () => {
    const broken: LineItem = {
      ...complete,
      id: 2,
      title: 'Jauna sistēma',
      costNature: 'development',
      priority: 'mandatory',
      businessNeed: ' ',
      amounts: { '2027': '0.00' },
    };
    expect(localSubmitProblems([complete, broken], false, 'en', 'none')).toEqual([
      { lineItemId: 2, title: 'Jauna sistēma', field: 'businessNeed', message: 'The business need is missing' },
      { lineItemId: 2, title: 'Jauna sistēma', field: 'legalBasis', message: 'A mandatory item needs its legal basis' },
      {
        lineItemId: 2,
        title: 'Jauna sistēma',
        field: 'goalCodes',
        message: 'A development or implementation item needs at least one goal',
      },
      { lineItemId: 2, title: 'Jauna sistēma', field: 'amounts', message: 'No year has an amount' },
    ]);
  });

  it('asks the central sub-programme’s items for their service or beneficiaries', () => {
    const named: LineItem = { ...complete, id: 4, beneficiaries: [{ institutionCode: 'LD', share: '100.0000' }] };
    expect(localSubmitProblems([complete, named], true, 'lv', 'nav')).toEqual([
      {
        lineItemId: 1,
        title: 'Serveri',
        field: 'ictServiceCode',
        message: 'Centrālajai pozīcijai jānorāda IKT pakalpojums vai labuma guvēji, kuru daļas kopā ir 100 %',
      },
    ]);
  });

  it('ignores cut items, and refuses a sub-programme with nothing to submit', () => {
    const cut: LineItem = { ...complete, id: 3, businessNeed: '', reviewStatus: 'cut' };
    expect(localSubmitProblems([complete, cut], false, 'lv', 'nav')).toEqual([]);
    expect(localSubmitProblems([cut], false, 'lv', 'Nav pozīciju')).toEqual([
      { lineItemId: null, title: null, field: '', message: 'Nav pozīciju' },
    ]);
  });
});

describe('submitProblemsFromErrors', () => {
  it('ties each problem of a refused submit to its item', () => {
    expect(
      submitProblemsFromErrors(
        [
          { path: 'lineItems.1.impactIfCut', message: 'Nav norādīta ietekme' },
          { path: 'lineItems.99.amounts', message: 'Nav summas' },
          { path: 'lineItems', message: 'Apakšprogrammā nav pozīciju' },
        ],
        [complete],
      ),
    ).toEqual([
      { lineItemId: 1, title: 'Serveri', field: 'impactIfCut', message: 'Nav norādīta ietekme' },
      { lineItemId: 99, title: null, field: 'amounts', message: 'Nav summas' },
      { lineItemId: null, title: null, field: '', message: 'Apakšprogrammā nav pozīciju' },
    ]);
  });
});
