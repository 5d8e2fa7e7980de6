import { ekkCodeSchema, type EkkCode, type UpdateEkkCodeInput } from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Renames, marks selectable or retires an EKK code (administrators). */
export function updateEkkCode({ id, changes }: { id: string; changes: UpdateEkkCodeInput }): Promise<EkkCode> {
  return apiPatch(`/api/ekk-codes/${encodeURIComponent(id)}`, changes, ekkCodeSchema);
}

export function useUpdateEkkCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateEkkCode,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.ekkCodes() }),
  });
}
