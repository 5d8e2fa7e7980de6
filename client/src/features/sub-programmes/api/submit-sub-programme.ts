import { useStatusStep } from '../../../api/sub-programmes/update-sub-programme-status';

/** Submits for review; a 422 lists every problem of every item (paths `lineItems.<id>.<field>`). */
export function useSubmitSubProgramme() {
  return useStatusStep('submit', (id: number) => id);
}
