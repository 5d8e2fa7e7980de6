import type { Scenario } from '@ikt/shared/scenario.schema';
import { useRecordMutation } from '../../../api/query';
import { createScenario, scenarioRecordKeys } from './create-scenario';
import type { ScenarioSummary } from './get-scenarios';

/**
 * A stale scenario computed again on the cycle's current items: a new scenario with the same
 * name, year, method and target (the stale one stays, as it was computed then).
 */
export function recomputeScenario(scenario: ScenarioSummary): Promise<Scenario> {
  const target =
    scenario.target.kind === 'percent'
      ? { kind: 'percent' as const, value: scenario.target.value }
      : { kind: 'amount' as const, value: scenario.target.value };
  return createScenario({
    cycleId: scenario.cycleId,
    input: { name: scenario.name, fiscalYear: scenario.fiscalYear, method: scenario.method, target },
  });
}

export function useRecomputeScenario() {
  return useRecordMutation(recomputeScenario, scenarioRecordKeys);
}
