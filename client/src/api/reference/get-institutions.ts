import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useInstitutions() {
  return useQuery(referenceQueries.institutions());
}
