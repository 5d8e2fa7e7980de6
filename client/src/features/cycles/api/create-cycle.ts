import { cycleSchema, type CreateCycleInput } from '@ikt/shared/cycle.schema';
import { apiPost } from '../../../api/client';
import { useInvalidatingMutation } from '../../../api/query';
import { cycleKeys } from './cycle-keys';

export function useCreateCycle() {
  return useInvalidatingMutation(
    (input: CreateCycleInput) => apiPost('/api/cycles', input, cycleSchema),
    cycleKeys.all,
  );
}
