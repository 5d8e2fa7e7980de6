import { cycleSchema, type CreateCycleInput, type Cycle } from '@ikt/shared/cycle.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { cycleKeys } from './cycle-keys';

export function createCycle(input: CreateCycleInput): Promise<Cycle> {
  return apiPost('/api/cycles', input, cycleSchema);
}

export function useCreateCycle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCycle,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: cycleKeys.all }),
  });
}
