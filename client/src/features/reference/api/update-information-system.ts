import {
  informationSystemSchema,
  type InformationSystem,
  type UpdateInformationSystemInput,
} from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPatch } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Changes an information system (administrators). */
export function updateInformationSystem({
  id,
  changes,
}: {
  id: string;
  changes: UpdateInformationSystemInput;
}): Promise<InformationSystem> {
  return apiPatch(`/api/information-systems/${encodeURIComponent(id)}`, changes, informationSystemSchema);
}

export function useUpdateInformationSystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateInformationSystem,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.informationSystems() }),
  });
}
