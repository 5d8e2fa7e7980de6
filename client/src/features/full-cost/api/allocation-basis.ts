import {
  serviceConsumptionSchema,
  serviceDriversSchema,
  type ServiceConsumptionRow,
  type ServiceDriverInput,
} from '@ikt/shared/full-cost.schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { consumptionImportResultSchema } from '@ikt/shared/spreadsheet.schema';
import { apiPostForm, apiPut } from '../../../api/client';
import { apiQuery } from '../../../api/query';
import { fullCostKeys } from './get-full-cost';

/**
 * The allocation basis of a cycle: each service's driver unit and what each institution consumes.
 * Both share one version (If-Match), so a change to either makes both stale, and the full cost too.
 */
export const allocationBasisKeys = {
  all: ['allocation-basis'] as const,
  drivers: (cycleId: number) => [...allocationBasisKeys.all, cycleId, 'drivers'] as const,
  consumption: (cycleId: number) => [...allocationBasisKeys.all, cycleId, 'consumption'] as const,
};

export function useServiceDrivers(cycleId: number) {
  return useQuery(
    apiQuery(allocationBasisKeys.drivers(cycleId), `/api/cycles/${cycleId}/service-drivers`, serviceDriversSchema),
  );
}

/** Every fiscal year's consumption at once: a save replaces a service's quantities of all years. */
export function useServiceConsumption(cycleId: number) {
  return useQuery(
    apiQuery(
      allocationBasisKeys.consumption(cycleId),
      `/api/cycles/${cycleId}/service-consumption`,
      serviceConsumptionSchema,
    ),
  );
}

function useBasisMutation<Input>(cycleId: number, send: (input: Input, version: number) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: Input; version: number }) => send(input, version),
    // Settled, not only on success: after a 412 the page reloads what someone else saved.
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...allocationBasisKeys.all, cycleId] }),
        queryClient.invalidateQueries({ queryKey: [...fullCostKeys.all, cycleId] }),
      ]);
    },
  });
}

export function useSaveServiceDrivers(cycleId: number) {
  return useBasisMutation(cycleId, (input: ServiceDriverInput[], version) =>
    apiPut(`/api/cycles/${cycleId}/service-drivers`, input, serviceDriversSchema, { ifMatchVersion: version }),
  );
}

export function useSaveServiceConsumption(cycleId: number) {
  return useBasisMutation(cycleId, (input: ServiceConsumptionRow[], version) =>
    apiPut(`/api/cycles/${cycleId}/service-consumption`, input, serviceConsumptionSchema, {
      ifMatchVersion: version,
    }),
  );
}

/** The consumption template's URL: the cycle's quantities of every year, to fill in and import. */
export const consumptionWorkbookUrl = (cycleId: number) => `/api/cycles/${cycleId}/service-consumption.xlsx`;

/**
 * The filled-in template back to the server (multipart, field `file`): all rows or none, against
 * the version on screen; what it saved is then read again with the page's queries.
 */
export function useImportConsumption(cycleId: number) {
  return useBasisMutation(cycleId, (file: File, version: number) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return apiPostForm(consumptionWorkbookUrl(cycleId), form, consumptionImportResultSchema, {
      ifMatchVersion: version,
    });
  });
}
