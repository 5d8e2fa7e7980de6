import { lineItemListSchema } from '@ikt/shared/line-item.schema';
import { useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../../api/query';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';

/** A sub-programme's items, by rank. */
export function useLineItems(subProgrammeId: number) {
  return useQuery(
    apiQuery(lineItemKeys.list(subProgrammeId), `/api/sub-programmes/${subProgrammeId}/line-items`, lineItemListSchema),
  );
}
