import { useStatusStep } from '../../../api/sub-programmes/update-sub-programme-status';

/** ITC accepts a submitted sub-programme (and with it every submitted item). */
export function useAcceptSubProgramme() {
  return useStatusStep(
    'accept',
    ({ id }: { id: number; comment?: string }) => id,
    ({ comment }) => (comment ? { comment } : {}),
  );
}
