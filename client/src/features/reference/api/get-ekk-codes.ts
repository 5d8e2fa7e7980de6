import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useEkkCodes() {
  return useQuery(referenceQueries.ekkCodes());
}
