import type { Cycle } from '@ikt/shared/cycle.schema';
import { useSearchParams } from 'react-router';
import { useCycles } from '../api/get-cycles';
import { cycleIdParam, pickCurrentCycle } from '../utils/current-cycle';

/** The cycle a page shows: `?cycle=` when given, else the one in work. */
export function useCurrentCycle() {
  const [searchParams] = useSearchParams();
  const query = useCycles();
  const cycle: Cycle | undefined = query.data
    ? pickCurrentCycle(query.data, cycleIdParam(searchParams.get('cycle')))
    : undefined;
  return { query, cycle, cycles: query.data ?? [] };
}
