import { lineItemListSchema, type LineItem } from '@ikt/shared/line-item.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet, type RequestOptions } from '../../../api/client';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** A sub-programme's items, by rank. */
export function getLineItems(subProgrammeId: number, options?: RequestOptions): Promise<LineItem[]> {
  return apiGet(`/api/sub-programmes/${subProgrammeId}/line-items`, lineItemListSchema, options);
}

export function lineItemsQueryOptions(subProgrammeId: number) {
  return queryOptions({
    queryKey: lineItemKeys.list(subProgrammeId),
    queryFn: ({ signal }) => getLineItems(subProgrammeId, { signal }),
  });
}

export function useLineItems(subProgrammeId: number) {
  return useQuery(lineItemsQueryOptions(subProgrammeId));
}
