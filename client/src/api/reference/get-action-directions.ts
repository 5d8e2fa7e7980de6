import { useQuery } from '@tanstack/react-query';
import { referenceQueries } from './reference-queries';

export function useActionDirections() {
  return useQuery(referenceQueries.actionDirections());
}
