import { institutionSchema, type Institution, type CreateInstitutionInput } from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Adds an institution (administrators). */
export function createInstitution(input: CreateInstitutionInput): Promise<Institution> {
  return apiPost('/api/institutions', input, institutionSchema);
}

export function useCreateInstitution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInstitution,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.institutions() }),
  });
}
