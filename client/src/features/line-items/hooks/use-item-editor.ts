import type { LineItem, UpdateLineItemInput } from '@ikt/shared/line-item.schema';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { ApiError, isStaleVersion } from '../../../api/client';
import { sessionEnded } from '../../../api/auth/logout';
import { useUser } from '../../../hooks/use-user';
import { readDraft, removeDraft, writeDraft } from '../../../utils/draft-store';
import { lineItemQueryOptions } from '../api/get-line-item';
import { storeLineItem } from '../../../api/line-items/line-item-cache';
import { lineItemKeys } from '../../../api/line-items/line-item-keys';
import { updateLineItem } from '../api/update-line-item';
import { applyChanges, changedFieldName, inverseChanges, revertChanges } from '../utils/item-changes';

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

/** A grid edit that can be taken back: the change that restores what the cell held before. */
export interface UndoEntry {
  key: number;
  itemId: number;
  /** The item's title as the grid shows it after the edit. */
  title: string;
  /** The field, as the history names it (`amounts.2027`, `title`). */
  field: string;
  undo: UpdateLineItemInput;
}

/** A grid edit the server never took because the session had ended: offered again after signing in. */
export interface KeptEdit {
  itemId: number;
  title: string;
  field: string;
  changes: UpdateLineItemInput;
  /** The version it was based on: if the item changed since, saving it is a conflict to decide. */
  version: number;
}

export interface SaveOptions {
  /** An edit made in the grid: it can be undone, and it is kept if the session has ended. */
  fromGrid?: boolean;
  /**
   * The version to send as If-Match: by default the latest the cache holds; `own`, the version
   * this page's own last save produced (an undo must not overwrite a colleague's change); or a
   * number (a kept edit, against the version it was made on).
   */
  ifMatch?: 'own' | number;
}

/** How many grid edits can be undone, newest first. */
const UNDO_DEPTH = 20;

const keptKey = (subProgrammeId: number) => `sub-programme:${subProgrammeId}:kept-edits`;
const isKeptEdits = (value: unknown): value is KeptEdit[] =>
  Array.isArray(value) &&
  value.every(
    (edit) =>
      typeof edit === 'object' &&
      edit !== null &&
      typeof (edit as KeptEdit).itemId === 'number' &&
      typeof (edit as KeptEdit).version === 'number' &&
      typeof (edit as KeptEdit).changes === 'object',
  );

/**
 * Saves changes to a sub-programme's items from the grid and the side panel alike. The new
 * values show at once; a refused change is taken back. Changes to one item go to the server one
 * after another, each based on the version the previous one answered — so quick edits of two
 * cells of one row never trip over each other — and a 412 (someone else changed the item) is
 * kept as a conflict the user can reload and reapply, or drop.
 */
export function useItemEditor(subProgrammeId: number) {
  const queryClient = useQueryClient();
  const user = useUser();
  const queues = useRef(new Map<number, Promise<unknown>>());
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [failure, setFailure] = useState<EditFailure | null>(null);
  const [pending, setPending] = useState(0);
  const [undoStack, setUndoStack] = useState<UndoEntry[]>([]);
  const undoKeys = useRef(0);
  // The version each item has after this page's own latest save of it.
  const ownVersions = useRef(new Map<number, number>());
  const [kept, setKept] = useState<KeptEdit[]>(() => readDraft(user.id, keptKey(subProgrammeId), isKeptEdits) ?? []);

  const keep = useCallback(
    (edit: KeptEdit) => {
      const earlier = readDraft(user.id, keptKey(subProgrammeId), isKeptEdits) ?? [];
      const others = earlier.filter((other) => other.itemId !== edit.itemId || other.field !== edit.field);
      writeDraft(user.id, keptKey(subProgrammeId), [...others, edit]);
    },
    [user.id, subProgrammeId],
  );

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
    (itemId: number, changes: UpdateLineItemInput, options: SaveOptions = {}): Promise<boolean> => {
      const before = cached(itemId);
      if (!before) return Promise.resolve(false);
      replaceCached(itemId, (item) => applyChanges(item, changes));
      setPending((count) => count + 1);
      const field = changedFieldName(changes);
      const entry: UndoEntry | undefined = options.fromGrid
        ? {
            key: (undoKeys.current += 1),
            itemId,
            title: changes.title ?? before.title,
            field,
            undo: inverseChanges(before, changes),
          }
        : undefined;
      if (entry) setUndoStack((stack) => [...stack, entry].slice(-UNDO_DEPTH));
      const run = async (): Promise<boolean> => {
        // The version of the item as the server last answered it (earlier saves in the queue included).
        const base = cached(itemId);
        if (!base) return false;
        const version =
          typeof options.ifMatch === 'number'
            ? options.ifMatch
            : options.ifMatch === 'own'
              ? (ownVersions.current.get(itemId) ?? base.version)
              : base.version;
        try {
          const saved = await updateLineItem({ id: itemId, version, changes });
          ownVersions.current.set(itemId, saved.version);
          storeLineItem(queryClient, saved);
          return true;
        } catch (error) {
          replaceCached(itemId, (item) => revertChanges(item, before, changes));
          if (entry) setUndoStack((stack) => stack.filter((other) => other.key !== entry.key));
          if (error instanceof ApiError && error.status === 401) {
            // The session has ended: the edit waits for the user to sign in again (see KeptEdit).
            if (options.fromGrid) keep({ itemId, title: before.title, field, changes, version: base.version });
            sessionEnded(queryClient);
          } else if (isStaleVersion(error)) {
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
    [cached, queryClient, replaceCached, keep],
  );

  /** Takes the newest grid edit back, through a normal save based on the version that edit produced. */
  const undo = useCallback((): UndoEntry | undefined => {
    const entry = undoStack.at(-1);
    if (!entry) return undefined;
    setUndoStack((stack) => stack.filter((other) => other.key !== entry.key));
    void save(entry.itemId, entry.undo, { ifMatch: 'own' });
    return entry;
  }, [undoStack, save]);

  /** The edits kept when the session ended, saved now (each against the version it was made on). */
  const saveKept = useCallback(async () => {
    const edits = kept;
    removeDraft(user.id, keptKey(subProgrammeId));
    setKept([]);
    await Promise.all(edits.map((edit) => save(edit.itemId, edit.changes, { fromGrid: true, ifMatch: edit.version })));
  }, [kept, save, user.id, subProgrammeId]);

  const dropKept = useCallback(() => {
    removeDraft(user.id, keptKey(subProgrammeId));
    setKept([]);
  }, [user.id, subProgrammeId]);

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
    /** Grid edits that can be undone, oldest first. */
    undoStack,
    undo,
    /** Grid edits not saved because the session had ended, to save now or drop. */
    kept,
    saveKept,
    dropKept,
    /** For a 412 met elsewhere (deleting an item): the same banner, without a change to reapply. */
    reportConflict: setConflict,
  };
}
