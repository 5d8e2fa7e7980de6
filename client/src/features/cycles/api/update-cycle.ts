import { cycleSchema, type Cycle, type UpdateCycleInput } from '@ikt/shared/cycle.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { cycleKeys } from './cycle-keys';

/** Changes a cycle's title or deadline, based on the version the user saw (412 if stale). */
export function updateCycle({ cycle, changes }: { cycle: Cycle; changes: UpdateCycleInput }): Promise<Cycle> {
  return apiPatch(`/api/cycles/${cycle.id}`, changes, cycleSchema, { ifMatchVersion: cycle.version });
}

export function useUpdateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCycle,
    onSuccess: (cycle) => {
      queryClient.setQueryData(cycleKeys.detail(cycle.id), cycle);
      void queryClient.invalidateQueries({ queryKey: cycleKeys.list() });
    },
  });
}
