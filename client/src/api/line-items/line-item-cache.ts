import type { LineItem } from '@ikt/shared/line-item.schema';
import type { QueryClient } from '@tanstack/react-query';
import { consolidationKeys } from '../consolidation/consolidation-keys';
import { subProgrammeKeys } from '../sub-programmes/sub-programme-keys';
import { lineItemKeys } from './line-item-keys';

/**
 * Puts the server's answer for one item into the cached list in place — a list of thousands is
 * not fetched again for one changed cell — and marks what derives from it (totals, history) stale.
 */
export function storeLineItem(queryClient: QueryClient, item: LineItem): void {
  queryClient.setQueryData(lineItemKeys.detail(item.id), item);
  queryClient.setQueryData<LineItem[]>(lineItemKeys.list(item.subProgrammeId), (items) => {
    if (!items) return items;
    const at = items.findIndex((existing) => existing.id === item.id);
    if (at < 0) return [...items, item];
    const next = items.slice();
    next[at] = item;
    return next;
  });
  onItemsChanged(queryClient, item.subProgrammeId);
  void queryClient.invalidateQueries({ queryKey: lineItemKeys.history(item.id) });
}

/** New items, added to the cached list at once (a thousand pasted rows are one update, not a thousand). */
export function storeNewLineItems(queryClient: QueryClient, subProgrammeId: number, created: LineItem[]): void {
  for (const item of created) queryClient.setQueryData(lineItemKeys.detail(item.id), item);
  queryClient.setQueryData<LineItem[]>(lineItemKeys.list(subProgrammeId), (items) =>
    items ? [...items, ...created] : items,
  );
  onItemsChanged(queryClient, subProgrammeId);
}

export function forgetLineItem(queryClient: QueryClient, subProgrammeId: number, id: number): void {
  queryClient.removeQueries({ queryKey: lineItemKeys.detail(id) });
  queryClient.setQueryData<LineItem[]>(lineItemKeys.list(subProgrammeId), (items) =>
    items?.filter((item) => item.id !== id),
  );
  onItemsChanged(queryClient, subProgrammeId);
}

/** The sub-programme's totals and the lists that show them come from the server again. */
export function onItemsChanged(queryClient: QueryClient, subProgrammeId: number): void {
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.detail(subProgrammeId) });
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: subProgrammeKeys.changes(subProgrammeId) });
  void queryClient.invalidateQueries({ queryKey: consolidationKeys.all });
}
