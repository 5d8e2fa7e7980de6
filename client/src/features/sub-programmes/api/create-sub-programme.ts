import { subProgrammeSchema, type CreateSubProgrammeInput, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
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
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSubProgramme,
    onSuccess: (created) => {
      queryClient.setQueryData(subProgrammeKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.lists() });
    },
  });
}
