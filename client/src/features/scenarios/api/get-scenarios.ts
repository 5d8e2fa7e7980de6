import { scenarioListSchema } from '@ikt/shared/scenario.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, type RequestOptions } from '../../../api/client';
import { scenarioKeys } from './scenario-keys';

export type ScenarioSummary = z.infer<typeof scenarioListSchema>[number];

/** A cycle's scenarios, newest first. */
export function getScenarios(cycleId: number, options?: RequestOptions): Promise<ScenarioSummary[]> {
  return apiGet(`/api/cycles/${cycleId}/scenarios`, scenarioListSchema, options);
}

export function scenariosQueryOptions(cycleId: number) {
  return queryOptions({
    queryKey: scenarioKeys.list(cycleId),
    queryFn: ({ signal }) => getScenarios(cycleId, { signal }),
  });
}

export function useScenarios(cycleId: number | undefined) {
  return useQuery({ ...scenariosQueryOptions(cycleId ?? 0), enabled: cycleId !== undefined });
}
