import { scenarioListSchema } from '@ikt/shared/scenario.schema';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiQuery } from '../../../api/query';
import { scenarioKeys } from './scenario-keys';

export type ScenarioSummary = z.infer<typeof scenarioListSchema>[number];

/** A cycle's scenarios, newest first. */
export function useScenarios(cycleId: number | undefined) {
  return useQuery({
    ...apiQuery(scenarioKeys.list(cycleId ?? 0), `/api/cycles/${cycleId ?? 0}/scenarios`, scenarioListSchema),
    enabled: cycleId !== undefined,
  });
}
