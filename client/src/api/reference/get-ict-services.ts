import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useIctServices() {
  return useQuery(referenceQueries.ictServices());
}
