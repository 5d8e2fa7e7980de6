import { scenarioSchema, type Scenario } from '@ikt/shared/scenario.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { scenarioKeys } from './scenario-keys';

/** A scenario with every cut and its impact. */
export function getScenario(id: number, options?: RequestOptions): Promise<Scenario> {
  return apiGet(`/api/scenarios/${id}`, scenarioSchema, options);
}

export function scenarioQueryOptions(id: number) {
  return queryOptions({ queryKey: scenarioKeys.detail(id), queryFn: ({ signal }) => getScenario(id, { signal }) });
}

export function useScenario(id: number | undefined) {
  return useQuery({ ...scenarioQueryOptions(id ?? 0), enabled: id !== undefined });
}
