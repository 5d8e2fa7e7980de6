import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDrafts, readDraft, removeDraft, writeDraft } from './draft-store';

/** A sessionStorage of our own (the unit tests run in Node). */
function memoryStorage(): Storage {
  const values = new Map<string, string>();
  return {
    get length() {
      return values.size;
    },
    key: (index) => [...values.keys()][index] ?? null,
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
  };
}

const isText = (value: unknown): value is { text: string } =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string';

describe('the draft store', () => {
  let store: Storage;
  beforeEach(() => {
    store = memoryStorage();
    vi.stubGlobal('sessionStorage', store);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a draft for its user only', () => {
    writeDraft(7, 'item:3:defence', { text: 'Biznesa vajadzība' });
    expect(readDraft(7, 'item:3:defence', isText)).toEqual({ text: 'Biznesa vajadzība' });
    expect(readDraft(8, 'item:3:defence', isText)).toBeUndefined();
    removeDraft(7, 'item:3:defence');
    expect(readDraft(7, 'item:3:defence', isText)).toBeUndefined();
  });

  it('ignores what does not read as a draft', () => {
    store.setItem('ikt.draft.7.a', '{not json');
    store.setItem('ikt.draft.7.b', JSON.stringify({ other: 1 }));
    expect(readDraft(7, 'a', isText)).toBeUndefined();
    expect(readDraft(7, 'b', isText)).toBeUndefined();
  });

  it('forgets every draft on sign-out, and nothing else of the tab', () => {
    writeDraft(7, 'a', { text: 'x' });
    writeDraft(8, 'b', { text: 'y' });
    store.setItem('other.app', 'kept');
    forgetDrafts();
    expect(store.length).toBe(1);
    expect(store.getItem('other.app')).toBe('kept');
  });
});
