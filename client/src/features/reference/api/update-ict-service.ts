import { ictServiceSchema, type IctService, type UpdateIctServiceInput } from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Changes an ICT service (administrators). */
export function updateIctService({ id, changes }: { id: string; changes: UpdateIctServiceInput }): Promise<IctService> {
  return apiPatch(`/api/ict-services/${encodeURIComponent(id)}`, changes, ictServiceSchema);
}

export function useUpdateIctService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateIctService,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.ictServices() }),
  });
}
