import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { onSubProgrammeStatusChanged } from '../../../api/sub-programmes/update-sub-programme-status';

/** Its lead takes a submission back to draft; refused (409) once ITC has started the review. */
export function withdrawSubProgramme(id: number): Promise<SubProgramme> {
  return apiPost(`/api/sub-programmes/${id}/withdraw`, undefined, subProgrammeSchema);
}

export function useWithdrawSubProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawSubProgramme,
    onSuccess: (subProgramme) => onSubProgrammeStatusChanged(queryClient, subProgramme),
  });
}
