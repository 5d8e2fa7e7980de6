import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { isStaleVersion } from '../../../api/client';
import { lineItemQueryOptions } from '../api/get-line-item';
import { storeLineItem } from '../api/line-item-cache';
import { lineItemKeys } from '../api/line-item-keys';
import { updateLineItem } from '../api/update-line-item';
import { applyChanges, revertChanges } from '../utils/item-changes';

/** A change the server refused because someone else changed the item first (412). */
export interface EditConflict {
  itemId: number;
  title: string;
  changes: UpdateLineItemInput;
  /** The server's own words. */
  detail: string | undefined;
}

export interface EditFailure {
  itemId: number;
  title: string;
  error: Error;
}

/**
 * Saves changes to a sub-programme's items from the grid and the side panel alike. The new
 * values show at once; a refused change is taken back. Changes to one item go to the server one
 * after another, each based on the version the previous one answered — so quick edits of two
 * cells of one row never trip over each other — and a 412 (someone else changed the item) is
 * kept as a conflict the user can reload and reapply, or drop.
 */
export function useItemEditor(subProgrammeId: number) {
  const queryClient = useQueryClient();
  const queues = useRef(new Map<number, Promise<unknown>>());
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [failure, setFailure] = useState<EditFailure | null>(null);
  const [pending, setPending] = useState(0);

  const cached = useCallback(
    (itemId: number) =>
      queryClient.getQueryData<LineItem[]>(lineItemKeys.list(subProgrammeId))?.find((item) => item.id === itemId),
    [queryClient, subProgrammeId],
  );
  const replaceCached = useCallback(
    (itemId: number, change: (item: LineItem) => LineItem) =>
      queryClient.setQueryData<LineItem[]>(lineItemKeys.list(subProgrammeId), (items) =>
        items?.map((item) => (item.id === itemId ? change(item) : item)),
      ),
    [queryClient, subProgrammeId],
  );

  const save = useCallback(
    (itemId: number, changes: UpdateLineItemInput): Promise<boolean> => {
      const before = cached(itemId);
      if (!before) return Promise.resolve(false);
      replaceCached(itemId, (item) => applyChanges(item, changes));
      setPending((count) => count + 1);
      const run = async (): Promise<boolean> => {
        // The version of the item as the server last answered it (earlier saves in the queue included).
        const base = cached(itemId);
        if (!base) return false;
        try {
          const saved = await updateLineItem({ id: itemId, version: base.version, changes });
          storeLineItem(queryClient, saved);
          return true;
        } catch (error) {
          replaceCached(itemId, (item) => revertChanges(item, before, changes));
          if (isStaleVersion(error)) {
            setConflict({ itemId, title: before.title, changes, detail: error.detail });
          } else {
            setFailure({
              itemId,
              title: before.title,
              error: error instanceof Error ? error : new Error(String(error)),
            });
          }
          return false;
        } finally {
          setPending((count) => count - 1);
        }
      };
      const previous = queues.current.get(itemId) ?? Promise.resolve();
      const next = previous.then(run, run);
      queues.current.set(itemId, next);
      return next;
    },
    [cached, queryClient, replaceCached],
  );

  /** Reads the item as it is now and applies the refused change to it again. */
  const reloadAndReapply = useCallback(async (): Promise<boolean> => {
    if (!conflict) return false;
    const fresh = await queryClient.fetchQuery(lineItemQueryOptions(conflict.itemId));
    storeLineItem(queryClient, fresh);
    setConflict(null);
    return save(conflict.itemId, conflict.changes);
  }, [conflict, queryClient, save]);

  /** Reads the item as it is now and forgets the refused change. */
  const reloadAndDiscard = useCallback(async () => {
    if (!conflict) return;
    const fresh = await queryClient.fetchQuery(lineItemQueryOptions(conflict.itemId));
    storeLineItem(queryClient, fresh);
    setConflict(null);
  }, [conflict, queryClient]);

  return {
    save,
    conflict,
    failure,
    saving: pending > 0,
    reloadAndReapply,
    reloadAndDiscard,
    dismissFailure: () => setFailure(null),
    /** For a 412 met elsewhere (deleting an item): the same banner, without a change to reapply. */
    reportConflict: setConflict,
  };
}
