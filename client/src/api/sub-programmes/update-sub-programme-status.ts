import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiPost } from '../client';
import { lineItemKeys } from '../line-items/line-item-keys';
import { subProgrammeKeys } from './sub-programme-keys';

/**
 * After a submit, withdrawal, return or accept: the sub-programme answered is the truth; its items changed
 * status with it, and the lists and the review queue that show it are out of date.
 */
export function onSubProgrammeStatusChanged(queryClient: QueryClient, subProgramme: SubProgramme): void {
  queryClient.setQueryData(subProgrammeKeys.detail(subProgramme.id), subProgramme);
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.changes(subProgramme.id) });
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.comments(subProgramme.id) });
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.itemComments(subProgramme.id) });
  void queryClient.invalidateQueries({ queryKey: lineItemKeys.list(subProgramme.id) });
}

/** The steps a sub-programme takes through review, each a POST to `/api/sub-programmes/<id>/<step>`. */
type StatusStep = 'submit' | 'withdraw' | 'accept' | 'return';

/**
 * A step of the sub-programme's review (`body` is what the step sends besides the id: a comment);
 * the answer is the sub-programme after it, and what shows it is brought up to date.
 */
export function useStatusStep<Input>(
  step: StatusStep,
  idOf: (input: Input) => number,
  body?: (input: Input) => unknown,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) =>
      apiPost(`/api/sub-programmes/${idOf(input)}/${step}`, body?.(input), subProgrammeSchema),
    onSuccess: (subProgramme) => onSubProgrammeStatusChanged(queryClient, subProgramme),
  });
}
