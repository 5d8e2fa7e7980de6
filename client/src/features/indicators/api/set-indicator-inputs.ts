import { indicatorsSchema, type IndicatorInputs, type Indicators } from '@ikt/shared/indicators.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPut } from '../../../api/client';
import { indicatorKeys } from './get-indicators';

/** ITC sets the M6 inputs (municipal budget, users, computers, IT staff); the answer is the new figures. */
export function setIndicatorInputs({
  cycleId,
  inputs,
}: {
  cycleId: number;
  inputs: IndicatorInputs;
}): Promise<Indicators> {
  return apiPut(`/api/cycles/${cycleId}/indicators`, inputs, indicatorsSchema);
}

export function useSetIndicatorInputs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setIndicatorInputs,
    onSuccess: (indicators) => queryClient.setQueryData(indicatorKeys.cycle(indicators.cycleId), indicators),
  });
}
