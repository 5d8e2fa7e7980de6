import { cycleListSchema } from '@ikt/shared/cycle.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { cycleKeys } from './cycle-keys';

/** The cycles the user may read, newest first. */
export function useCycles() {
  return useQuery(apiQuery(cycleKeys.list(), '/api/cycles', cycleListSchema));
}
