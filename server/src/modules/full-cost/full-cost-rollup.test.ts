import { describe, expect, it } from 'vitest';
import { allocationOf, fullCostOf, medianOf, type Reference } from './full-cost-rollup';
import { Decimal } from '@ikt/shared/money';
import type { AllocationFigures } from './full-cost.repository';

const reference: Reference = {
  institutions: [
    { id: 1, code: 'ITC', name_lv: 'ITC', name_en: 'ITC' },
    { id: 2, code: 'LD', name_lv: 'Labklājības departaments', name_en: 'Welfare Department' },
    { id: 3, code: 'ĪD', name_lv: 'Īpašuma departaments', name_en: 'Property Department' },
  ],
  services: [
    { code: 'WS', name_lv: 'Darba vietas', name_en: 'Workstations' },
    { code: 'IS-M', name_lv: 'IS uzturēšana', name_en: 'IS maintenance' },
    { code: 'DC', name_lv: 'Datu centrs', name_en: 'Data centre' },
  ],
};

const figures: AllocationFigures = {
  own: [
    { institution_id: 2, total: '1000.00' },
    { institution_id: 3, total: '500.00' },
  ],
  serviceCosts: [
    { service_code: 'WS', total: '100.00' },
    { service_code: 'DC', total: '40.00' },
    { service_code: '', total: '7.00' },
  ],
  directItems: [
    {
      line_item_id: 9,
      service_code: 'IS-M',
      amount: '10.00',
      beneficiaries: [
        { institution_id: 2, share: '33.3333' },
        { institution_id: 3, share: '66.6667' },
      ],
    },
  ],
  drivers: [
    { service_code: 'WS', unit_lv: 'darbstacijas', unit_en: 'workstations' },
    { service_code: 'DC', unit_lv: 'TB', unit_en: 'TB' },
    { service_code: 'IS-M', unit_lv: 'direct', unit_en: 'direct' },
  ],
  consumption: [
    { service_code: 'WS', institution_id: 2, quantity: '2' },
    { service_code: 'WS', institution_id: 3, quantity: '1' },
  ],
};

describe('the full cost of a year', () => {
  const options = { cycleId: 1, fiscalYear: 2027, stage: 'request' as const, language: 'en' as const };
  const answer = fullCostOf(allocationOf(figures, reference), null, reference, figures.drivers, options);

  it('splits by quantity and by the shares an item names, and leaves what nobody carries unallocated', () => {
    expect(answer.institutions.map((i) => [i.institutionCode, i.own, i.allocated, i.full])).toEqual([
      // 100 € of workstations 2 : 1 (66.666… and 33.333…; the spare cent to the larger remainder),
      // 10 € of maintenance by shares 33.3333 % : 66.6667 %.
      ['ĪD', '500.00', '40.00', '540.00'],
      ['LD', '1000.00', '70.00', '1070.00'],
    ]);
    expect(answer.unallocated).toEqual([
      { serviceCode: 'DC', name: 'Data centre', amount: '40.00' },
      { serviceCode: '', name: '(not specified)', amount: '7.00' },
    ]);
    expect(answer.total).toBe('1657.00');
    const ld = answer.institutions.find((i) => i.institutionCode === 'LD')!;
    expect(ld.byService).toEqual([
      { serviceCode: 'IS-M', quantity: null, unitCost: null, amount: '3.33' },
      { serviceCode: 'WS', quantity: '2', unitCost: '33.3333', amount: '66.67' },
    ]);
    expect(ld.perWorkstation).toBe('535.00');
    expect(ld.perUser).toBeNull();
  });

  it('prices each service by its cost over everything consumed', () => {
    expect(answer.priceList.map((p) => [p.serviceCode, p.cost, p.quantity, p.unitCost, p.direct])).toEqual([
      ['WS', '100.00', '3', '33.3333', false],
      ['IS-M', null, null, null, true],
      ['DC', '40.00', '0', null, false],
    ]);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(medianOf(['1', '4', '2', '3'].map((v) => new Decimal(v)))).toBe('2.50');
    expect(medianOf([new Decimal('7.005')])).toBe('7.01');
    expect(medianOf([])).toBeNull();
  });
});
