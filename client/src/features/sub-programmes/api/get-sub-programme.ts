import { subProgrammeSchema } from '@ikt/shared/sub-programme.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

export function useSubProgramme(id: number) {
  return useQuery(apiQuery(subProgrammeKeys.detail(id), `/api/sub-programmes/${id}`, subProgrammeSchema));
}
