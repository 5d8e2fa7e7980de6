import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { onSubProgrammeStatusChanged } from '../../../api/sub-programmes/update-sub-programme-status';

/** ITC accepts a submitted sub-programme (and with it every submitted item). */
export function acceptSubProgramme({ id, comment }: { id: number; comment?: string }): Promise<SubProgramme> {
  return apiPost(`/api/sub-programmes/${id}/accept`, comment ? { comment } : {}, subProgrammeSchema);
}

export function useAcceptSubProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptSubProgramme,
    onSuccess: (subProgramme) => onSubProgrammeStatusChanged(queryClient, subProgramme),
  });
}
