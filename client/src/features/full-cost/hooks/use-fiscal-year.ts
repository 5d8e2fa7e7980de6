import type { Cycle } from '@ikt/shared/cycle.schema';
import { useSearchParams } from 'react-router';

/** The fiscal year a full-cost page shows (`?year=`): one of the cycle's, its first by default. */
export function useFiscalYear(cycle: Cycle | undefined): number | undefined {
  const [searchParams] = useSearchParams();
  const asked = Number.parseInt(searchParams.get('year') ?? '', 10);
  return cycle?.fiscalYears.includes(asked) ? asked : cycle?.fiscalYears[0];
}
