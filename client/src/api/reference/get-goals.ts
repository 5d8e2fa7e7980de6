import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useGoals() {
  return useQuery(referenceQueries.goals());
}
