import { useStatusStep } from '../../../api/sub-programmes/update-sub-programme-status';

/** Its lead takes a submission back to draft; refused (409) once ITC has started the review. */
export function useWithdrawSubProgramme() {
  return useStatusStep('withdraw', (id: number) => id);
}
