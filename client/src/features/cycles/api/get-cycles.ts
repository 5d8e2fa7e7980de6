import { cycleListSchema, type Cycle } from '@ikt/shared/cycle.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { cycleKeys } from './cycle-keys';

/** The cycles the user may read, newest first. */
export function getCycles(options?: RequestOptions): Promise<Cycle[]> {
  return apiGet('/api/cycles', cycleListSchema, options);
}

export function cyclesQueryOptions() {
  return queryOptions({ queryKey: cycleKeys.list(), queryFn: ({ signal }) => getCycles({ signal }) });
}

export function useCycles() {
  return useQuery(cyclesQueryOptions());
}
