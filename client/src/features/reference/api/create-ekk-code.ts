import { ekkCodeSchema, type EkkCode, type CreateEkkCodeInput } from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Adds an EKK code (administrators). */
export function createEkkCode(input: CreateEkkCodeInput): Promise<EkkCode> {
  return apiPost('/api/ekk-codes', input, ekkCodeSchema);
}

export function useCreateEkkCode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createEkkCode,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.ekkCodes() }),
  });
}
