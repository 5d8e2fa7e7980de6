import {
  informationSystemSchema,
  type InformationSystem,
  type CreateInformationSystemInput,
} from '@ikt/shared/reference.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../api/client';
import { referenceKeys } from '../../../api/reference/reference-keys';

/** Adds an information system (administrators). */
export function createInformationSystem(input: CreateInformationSystemInput): Promise<InformationSystem> {
  return apiPost('/api/information-systems', input, informationSystemSchema);
}

export function useCreateInformationSystem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInformationSystem,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: referenceKeys.informationSystems() }),
  });
}
