import { scenarioComparisonSchema, type ScenarioComparison } from '@ikt/shared/scenario.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { scenarioKeys } from './scenario-keys';

/** Two scenarios side by side: the items and impacts each hits, per institution. */
export function compareScenarios(id: number, otherId: number, options?: RequestOptions): Promise<ScenarioComparison> {
  return apiGet(`/api/scenarios/${id}/compare/${otherId}`, scenarioComparisonSchema, options);
}

export function scenarioComparisonQueryOptions(id: number, otherId: number) {
  return queryOptions({
    queryKey: scenarioKeys.comparison(id, otherId),
    queryFn: ({ signal }) => compareScenarios(id, otherId, { signal }),
  });
}

export function useScenarioComparison(pair: [number, number] | undefined) {
  return useQuery({
    ...scenarioComparisonQueryOptions(pair?.[0] ?? 0, pair?.[1] ?? 0),
    enabled: pair !== undefined,
  });
}
