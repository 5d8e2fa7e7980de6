import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { onSubProgrammeStatusChanged } from '../../../api/sub-programmes/update-sub-programme-status';

/** Submits for review; a 422 lists every problem of every item (paths `lineItems.<id>.<field>`). */
export function submitSubProgramme(id: number): Promise<SubProgramme> {
  return apiPost(`/api/sub-programmes/${id}/submit`, undefined, subProgrammeSchema);
}

export function useSubmitSubProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitSubProgramme,
    onSuccess: (subProgramme) => onSubProgrammeStatusChanged(queryClient, subProgramme),
  });
}
