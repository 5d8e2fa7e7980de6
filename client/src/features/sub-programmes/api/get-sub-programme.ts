import { subProgrammeSchema, type SubProgramme } from '@ikt/shared/sub-programme.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { subProgrammeKeys } from '../../../api/sub-programmes/sub-programme-keys';

export function getSubProgramme(id: number, options?: RequestOptions): Promise<SubProgramme> {
  return apiGet(`/api/sub-programmes/${id}`, subProgrammeSchema, options);
}

export function subProgrammeQueryOptions(id: number) {
  return queryOptions({
    queryKey: subProgrammeKeys.detail(id),
    queryFn: ({ signal }) => getSubProgramme(id, { signal }),
  });
}

export function useSubProgramme(id: number) {
  return useQuery(subProgrammeQueryOptions(id));
}
