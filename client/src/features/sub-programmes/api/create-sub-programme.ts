import { subProgrammeSchema, type CreateSubProgrammeInput, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { apiPost } from '../../../api/client';
import { useRecordMutation } from '../../../api/query';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

export function createSubProgramme({
  cycleId,
  input,
}: {
  cycleId: number;
  input: CreateSubProgrammeInput;
}): Promise<SubProgramme> {
  return apiPost(`/api/cycles/${cycleId}/sub-programmes`, input, subProgrammeSchema);
}

export function useCreateSubProgramme() {
  return useRecordMutation(createSubProgramme, {
    detail: (created) => subProgrammeKeys.detail(created.id),
    invalidates: subProgrammeKeys.lists,
  });
}
