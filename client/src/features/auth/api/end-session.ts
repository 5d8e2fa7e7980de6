import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiDelete } from '../../../api/client';
import { sessionKeys } from '../../../api/auth/auth-keys';

/** Ends one of the signed-in user's sessions, by its public id (204). */
export function endSession(id: string): Promise<void> {
  return apiDelete(`/api/auth/sessions/${encodeURIComponent(id)}`);
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endSession,
    onSettled: () => void queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}
