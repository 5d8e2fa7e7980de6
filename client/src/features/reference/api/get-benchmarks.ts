import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useBenchmarks() {
  return useQuery(referenceQueries.benchmarks());
}
