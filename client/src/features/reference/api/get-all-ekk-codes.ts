import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from '../../../api/reference/reference-queries';

/** Every EKK code, retired ones included — what an administrator maintains. */
export function useAllEkkCodes() {
  return useQuery(referenceQueries.allEkkCodes());
}
