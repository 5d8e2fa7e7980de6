import { useStatusStep } from '../../../api/sub-programmes/update-sub-programme-status';

/** ITC returns a sub-programme to its institution; the comment says what to fix. */
export function useReturnSubProgramme() {
  return useStatusStep(
    'return',
    ({ id }: { id: number; comment: string }) => id,
    ({ comment }) => ({ comment }),
  );
}
