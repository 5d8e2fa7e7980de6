import { queryOptions, useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from './client';

/**
 * The query options of a GET: its key, the path, and the shared schema the answer is parsed
 * with. React Query's signal goes with the request, so a query no longer needed is cancelled.
 */
export function apiQuery<S extends z.ZodType, K extends QueryKey>(
  queryKey: K,
  path: string,
  schema: S,
  { staleTime }: { staleTime?: number } = {},
) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }): Promise<z.output<S>> => apiGet(path, schema, { signal }),
    ...(staleTime === undefined ? {} : { staleTime }),
  });
}

/** A mutation whose success makes everything under `invalidates` stale (refetched where shown). */
export function useInvalidatingMutation<Input, Answer>(
  mutationFn: (input: Input) => Promise<Answer>,
  invalidates: QueryKey,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invalidates }),
  });
}

/**
 * A mutation that answers the record it wrote: the answer is stored as that record's query (no
 * refetch), and the queries under `invalidates` (lists that show it; undefined: every query) go stale.
 */
export function useRecordMutation<Input, Answer>(
  mutationFn: (input: Input) => Promise<Answer>,
  keys: { detail: (answer: Answer) => QueryKey; invalidates: (answer: Answer) => QueryKey | undefined },
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (answer) => {
      queryClient.setQueryData(keys.detail(answer), answer);
      void queryClient.invalidateQueries({ queryKey: keys.invalidates(answer) });
    },
  });
}
