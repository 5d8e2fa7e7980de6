import { scenarioSchema, type CreateScenarioInput, type Scenario } from '@ikt/shared/scenario.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { scenarioKeys } from './scenario-keys';

/** Computes a cut scenario; 422 when the target exceeds the largest possible reduction. */
export function createScenario({ cycleId, input }: { cycleId: number; input: CreateScenarioInput }): Promise<Scenario> {
  return apiPost(`/api/cycles/${cycleId}/scenarios`, input, scenarioSchema);
}

export function useCreateScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createScenario,
    onSuccess: (scenario) => {
      queryClient.setQueryData(scenarioKeys.detail(scenario.id), scenario);
      void queryClient.invalidateQueries({ queryKey: scenarioKeys.list(scenario.cycleId) });
    },
  });
}
