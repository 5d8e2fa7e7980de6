import { rolloverResultSchema, type RolloverResult } from '@ikt/shared/cycle.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';

/** Copies the base cycle's maintenance items into a draft cycle, amounts shifted one year. */
export function rolloverCycle(cycleId: number): Promise<RolloverResult> {
  return apiPost(`/api/cycles/${cycleId}/rollover`, undefined, rolloverResultSchema);
}

export function useRolloverCycle() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: rolloverCycle, onSuccess: () => void queryClient.invalidateQueries() });
}
