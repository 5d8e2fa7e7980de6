import { commentListSchema } from '@ikt/shared/line-item.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../query';
import { subProgrammeKeys } from './sub-programme-keys';

/** The review comments on the sub-programme as a whole (returns and acceptances). */
export function useSubProgrammeComments(id: number) {
  return useQuery(apiQuery(subProgrammeKeys.comments(id), `/api/sub-programmes/${id}/comments`, commentListSchema));
}
