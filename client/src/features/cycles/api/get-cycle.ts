import { cycleSchema, type Cycle } from '@ikt/shared/cycle.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { cycleKeys } from './cycle-keys';

export function getCycle(id: number, options?: RequestOptions): Promise<Cycle> {
  return apiGet(`/api/cycles/${id}`, cycleSchema, options);
}

export function cycleQueryOptions(id: number) {
  return queryOptions({ queryKey: cycleKeys.detail(id), queryFn: ({ signal }) => getCycle(id, { signal }) });
}

export function useCycle(id: number | undefined) {
  return useQuery({ ...cycleQueryOptions(id ?? 0), enabled: id !== undefined });
}
