import type { Cycle } from '@ikt/shared/cycle.schema';
import { useSearchParams } from 'react-router';

/** The fiscal year a full-cost page shows (`?year=`): one of the cycle's, its first by default. */
export function useFiscalYear(cycle: Cycle | undefined): [number | undefined, (year: number) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const asked = Number.parseInt(searchParams.get('year') ?? '', 10);
  const fiscalYear = cycle?.fiscalYears.includes(asked) ? asked : cycle?.fiscalYears[0];
  const choose = (year: number) =>
    setSearchParams((params) => {
      params.set('year', String(year));
      return params;
    });
  return [fiscalYear, choose];
}
