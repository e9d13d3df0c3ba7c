/**
 * Answers are kept on this device only, under one key, and never sent anywhere. A store with no
 * backing storage (staff mode, embedding) keeps nothing at all.
 */
export interface AnswerStore {
  /** What is stored: null when nothing is, UNREADABLE when it is not even JSON. */
  load(): unknown;
  /** False when the answers could not be written (storage full or blocked): they live only in this page. */
  save(value: unknown): boolean;
  /** Leaves nothing of ours in storage. */
  clear(): void;
  /** Calls `listener` with what another tab or window stored (null: it deleted the answers); returns the unsubscribe. */
  subscribe(listener: (value: unknown) => void): () => void;
}

export const STORAGE_KEY = 'seoul-benefits-checker:v1';

/** Stored text that is not JSON: no state the app saves. */
export const UNREADABLE: unique symbol = Symbol('unreadable saved answers');

/** Null only when nothing is stored: stored text that reads as null is still something, if no state. */
function parse(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  try {
    return JSON.parse(text) ?? UNREADABLE;
  } catch {
    return UNREADABLE;
  }
}

/** A store on `storage` (default: localStorage); unavailable storage degrades to none. */
export function localAnswerStore(storage: Storage | null = safeLocalStorage(), key: string = STORAGE_KEY): AnswerStore {
  return {
    load() {
      try {
        return parse(storage?.getItem(key));
      } catch {
        return null;
      }
    },
    save(value) {
      if (!storage) return false;
      try {
        storage.setItem(key, JSON.stringify(value));
        return true;
      } catch {
        // Full (QuotaExceededError) or blocked: the answers stay in memory for this visit only.
        return false;
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing stored */
      }
    },
    subscribe(listener) {
      // The storage event fires in every other tab of this origin, never in the one that wrote.
      const onStorage = (event: StorageEvent) => {
        if (event.storageArea === storage && (event.key === key || event.key === null)) listener(parse(event.newValue));
      };
      if (!storage || typeof addEventListener !== 'function') return () => {};
      addEventListener('storage', onStorage);
      return () => removeEventListener('storage', onStorage);
    },
  };
}

/** A store that never writes anything (staff mode). */
export const noStore: AnswerStore = { load: () => null, save: () => true, clear: () => {}, subscribe: () => () => {} };

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
