import { cycleSchema } from '@ikt/shared/cycle.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { cycleKeys } from './cycle-keys';

export function useCycle(id: number | undefined) {
  return useQuery({
    ...apiQuery(cycleKeys.detail(id ?? 0), `/api/cycles/${id ?? 0}`, cycleSchema),
    enabled: id !== undefined,
  });
}
