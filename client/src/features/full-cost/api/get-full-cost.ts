import { billSchema, fullCostSchema } from '@ikt/shared/full-cost.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';

export const fullCostKeys = {
  all: ['full-cost'] as const,
  year: (cycleId: number, fiscalYear: number) => [...fullCostKeys.all, cycleId, fiscalYear] as const,
  bill: (cycleId: number, institutionCode: string, fiscalYear: number) =>
    [...fullCostKeys.all, cycleId, fiscalYear, 'bill', institutionCode] as const,
};

/** Every institution's full cost in a fiscal year (a lead: its own, the unit costs and the medians). */
export function useFullCost(cycleId: number | undefined, fiscalYear: number | undefined) {
  return useQuery({
    ...apiQuery(
      fullCostKeys.year(cycleId ?? 0, fiscalYear ?? 0),
      `/api/cycles/${cycleId ?? 0}/full-cost?fiscalYear=${fiscalYear ?? 0}`,
      fullCostSchema,
    ),
    enabled: cycleId !== undefined && fiscalYear !== undefined,
  });
}

/** One institution's bill of IT in a fiscal year (a lead: its own only; another's is a 404). */
export function useBill(cycleId: number | undefined, institutionCode: string, fiscalYear: number | undefined) {
  return useQuery({
    ...apiQuery(
      fullCostKeys.bill(cycleId ?? 0, institutionCode, fiscalYear ?? 0),
      `/api/cycles/${cycleId ?? 0}/institutions/${encodeURIComponent(institutionCode)}/bill?fiscalYear=${fiscalYear ?? 0}`,
      billSchema,
    ),
    enabled: cycleId !== undefined && fiscalYear !== undefined,
  });
}
