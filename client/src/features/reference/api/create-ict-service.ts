import { ictServiceSchema, type IctService, type CreateIctServiceInput } from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Adds an ICT service (administrators). */
export function createIctService(input: CreateIctServiceInput): Promise<IctService> {
  return apiPost('/api/ict-services', input, ictServiceSchema);
}

export function useCreateIctService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createIctService,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.ictServices() }),
  });
}
