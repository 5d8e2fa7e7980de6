import { cycleSchema, type Cycle } from '@ikt/shared/cycle.schema';
import type { CycleStatus } from '@ikt/shared/domain';
import { apiPost } from '../../../api/client';
import { useRecordMutation } from '../../../api/query';
import { cycleKeys } from './cycle-keys';

export interface TransitionCycleInput {
  cycleId: number;
  to: CycleStatus;
  /** Why the cycle moves on although the server listed what stands in the way (422). */
  overrideReason?: string | undefined;
}

/**
 * Moves a cycle to another status; the server checks the role and audits it. Into `consolidated`
 * or `approved` with sub-programmes not accepted, it needs `overrideReason` (422 without).
 */
export function transitionCycle({ cycleId, to, overrideReason }: TransitionCycleInput): Promise<Cycle> {
  return apiPost(
    `/api/cycles/${cycleId}/transition`,
    overrideReason === undefined ? { to } : { to, overrideReason },
    cycleSchema,
  );
}

export function useTransitionCycle() {
  return useRecordMutation(transitionCycle, {
    detail: (cycle) => cycleKeys.detail(cycle.id),
    // What may be edited, reviewed or seen depends on the cycle's status: refresh everything.
    invalidates: () => undefined,
  });
}
