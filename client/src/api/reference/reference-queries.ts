import {
  actionDirectionListSchema,
  benchmarkListSchema,
  ekkCodeListSchema,
  goalListSchema,
  ictServiceListSchema,
  informationSystemListSchema,
  institutionListSchema,
} from '@ikt/shared/reference.schema';
import type { QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiQuery } from '../query';
import { REFERENCE_STALE_TIME_MS, referenceKeys } from './reference-keys';

const referenceQuery = <S extends z.ZodType, K extends QueryKey>(queryKey: K, path: string, schema: S) =>
  apiQuery(queryKey, path, schema, { staleTime: REFERENCE_STALE_TIME_MS });

/** Every reference list the client reads: its key, its path and the schema of its answer. */
export const referenceQueries = {
  institutions: () => referenceQuery(referenceKeys.institutions(), '/api/institutions', institutionListSchema),
  ekkCodes: () => referenceQuery(referenceKeys.ekkCodes(), '/api/ekk-codes', ekkCodeListSchema),
  allEkkCodes: () =>
    referenceQuery(
      [...referenceKeys.ekkCodes(), 'with-retired'] as const,
      '/api/ekk-codes?includeRetired=true',
      ekkCodeListSchema,
    ),
  goals: () => referenceQuery(referenceKeys.goals(), '/api/goals', goalListSchema),
  actionDirections: () =>
    referenceQuery(referenceKeys.actionDirections(), '/api/action-directions', actionDirectionListSchema),
  ictServices: () => referenceQuery(referenceKeys.ictServices(), '/api/ict-services', ictServiceListSchema),
  informationSystems: () =>
    referenceQuery(referenceKeys.informationSystems(), '/api/information-systems', informationSystemListSchema),
  benchmarks: () => referenceQuery(referenceKeys.benchmarks(), '/api/benchmarks', benchmarkListSchema),
};
