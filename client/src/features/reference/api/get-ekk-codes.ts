import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference/reference-queries';

export function useEkkCodes() {
  return useQuery(referenceQueries.ekkCodes());
}
