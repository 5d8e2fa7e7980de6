/**
 * Work not yet saved, kept in the tab's sessionStorage so that it outlives the page it was typed
 * on: a session that ends mid-edit sends the user to sign in, and the edit is there when they
 * come back. Keys carry the user's id, so a colleague signing in at the same tab never sees it;
 * signing out forgets it all. sessionStorage dies with the tab; nothing reaches the disk for good.
 */
const PREFIX = 'ikt.draft.';

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    // Storage switched off (a privacy setting): work simply is not kept.
    return undefined;
  }
}

const fullKey = (userId: number, key: string) => `${PREFIX}${userId}.${key}`;

export function readDraft<T>(userId: number, key: string, isValid: (value: unknown) => value is T): T | undefined {
  const text = storage()?.getItem(fullKey(userId, key));
  if (text === null || text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(userId: number, key: string, value: unknown): void {
  try {
    storage()?.setItem(fullKey(userId, key), JSON.stringify(value));
  } catch {
    // Full or refused: the work stays on the page, as it would without this.
  }
}

export function removeDraft(userId: number, key: string): void {
  storage()?.removeItem(fullKey(userId, key));
}

/** Everything kept for anyone in this tab (signing out). */
export function forgetDrafts(): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
