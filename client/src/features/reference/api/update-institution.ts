import { institutionSchema, type Institution, type UpdateInstitutionInput } from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Renames or deactivates an institution (administrators). */
export function updateInstitution({
  id,
  changes,
}: {
  id: number;
  changes: UpdateInstitutionInput;
}): Promise<Institution> {
  return apiPatch(`/api/institutions/${id}`, changes, institutionSchema);
}

export function useUpdateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInstitution,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.institutions() }),
  });
}
