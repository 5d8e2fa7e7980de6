import { scenarioSchema, type Scenario } from '@ikt/shared/scenario.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';

/** The council adopts a scenario: its cuts are applied to the items in one transaction (409 if stale). */
export function adoptScenario(id: number): Promise<Scenario> {
  return apiPost(`/api/scenarios/${id}/adopt`, undefined, scenarioSchema);
}

export function useAdoptScenario() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: adoptScenario,
    // Items were cut or reduced: every total, list and other scenario (now stale) changes.
    onSuccess: () => void queryClient.invalidateQueries(),
  });
}
