import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useInformationSystems() {
  return useQuery(referenceQueries.informationSystems());
}
