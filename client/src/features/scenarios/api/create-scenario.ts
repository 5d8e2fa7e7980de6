import { scenarioSchema, type CreateScenarioInput, type Scenario } from '@ikt/shared/scenario.schema';
import { apiPost } from '../../../api/client';
import { useRecordMutation } from '../../../api/query';
import { scenarioKeys } from './scenario-keys';

/** Computes a cut scenario; 422 when the target exceeds the largest possible reduction. */
export function createScenario({ cycleId, input }: { cycleId: number; input: CreateScenarioInput }): Promise<Scenario> {
  return apiPost(`/api/cycles/${cycleId}/scenarios`, input, scenarioSchema);
}

/** Where a computed scenario goes: its own query, and its cycle's list (refetched). */
export const scenarioRecordKeys = {
  detail: (scenario: Scenario) => scenarioKeys.detail(scenario.id),
  invalidates: (scenario: Scenario) => scenarioKeys.list(scenario.cycleId),
};

export function useCreateScenario() {
  return useRecordMutation(createScenario, scenarioRecordKeys);
}
