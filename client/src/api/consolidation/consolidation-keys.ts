import type { ConsolidationDimension } from '@ikt/shared/consolidation.schema';
import type { CostNature, ReviewStatus } from '@ikt/shared/domain';

export interface ConsolidationParams {
  cycleId: number;
  by: ConsolidationDimension;
  institution?: string | undefined;
  costNature?: CostNature | undefined;
  reviewStatus?: Exclude<ReviewStatus, 'cut'> | undefined;
}

/** Every consolidation key; the server words the row labels in the request's language, so it is part of the key. */
export const consolidationKeys = {
  all: ['consolidation'] as const,
  view: (params: ConsolidationParams, language: string) => [...consolidationKeys.all, params, language] as const,
  cross: (params: CrossParams, language: string) => [...consolidationKeys.all, 'cross', params, language] as const,
};

/** The institution × EKK table of one fiscal year, EKK at one level of its hierarchy. */
export interface CrossParams {
  cycleId: number;
  fiscalYear: number;
  ekkLevel: number;
}
