import { scenarioComparisonSchema } from '@ikt/shared/scenario.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { scenarioKeys } from './scenario-keys';

/** Two scenarios side by side: the items and impacts each hits, per institution. */
export function useScenarioComparison(pair: [number, number] | undefined) {
  const [id, otherId] = pair ?? [0, 0];
  return useQuery({
    ...apiQuery(
      scenarioKeys.comparison(id, otherId),
      `/api/scenarios/${id}/compare/${otherId}`,
      scenarioComparisonSchema,
    ),
    enabled: pair !== undefined,
  });
}
