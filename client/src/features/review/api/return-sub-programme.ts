import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { onSubProgrammeStatusChanged } from '../../../api/sub-programmes/update-sub-programme-status';

/** ITC returns a sub-programme to its institution; the comment says what to fix. */
export function returnSubProgramme({ id, comment }: { id: number; comment: string }): Promise<SubProgramme> {
  return apiPost(`/api/sub-programmes/${id}/return`, { comment }, subProgrammeSchema);
}

export function useReturnSubProgramme() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: returnSubProgramme,
    onSuccess: (subProgramme) => onSubProgrammeStatusChanged(queryClient, subProgramme),
  });
}
