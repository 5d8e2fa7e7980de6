import { cycleSchema, type Cycle, type UpdateCycleInput } from '@ikt/shared/cycle.schema';
import { apiPatch } from '../../../api/client';
import { useRecordMutation } from '../../../api/query';
import { cycleKeys } from './cycle-keys';

/** Changes a cycle's title or deadline, based on the version the user saw (412 if stale). */
export function updateCycle({ cycle, changes }: { cycle: Cycle; changes: UpdateCycleInput }): Promise<Cycle> {
  return apiPatch(`/api/cycles/${cycle.id}`, changes, cycleSchema, { ifMatchVersion: cycle.version });
}

export function useUpdateCycle() {
  return useRecordMutation(updateCycle, { detail: (cycle) => cycleKeys.detail(cycle.id), invalidates: cycleKeys.list });
}
