import type { QueryClient } from '@tanstack/react-query';
import type { SubProgramme } from '@ikt/shared/sub-programme.schema';
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
