/**
 * Answers are kept on this device only, under one key, and never sent anywhere. A store with no
 * backing storage (staff mode, embedding) keeps nothing at all.
 */
export interface AnswerStore {
  load(): unknown;
  save(value: unknown): void;
  /** Leaves nothing of ours in storage. */
  clear(): void;
}

export const STORAGE_KEY = 'seoul-benefits-checker:v1';

/** A store on `storage` (default: localStorage); unavailable or full storage degrades to none. */
export function localAnswerStore(storage: Storage | null = safeLocalStorage(), key: string = STORAGE_KEY): AnswerStore {
  return {
    load() {
      try {
        const text = storage?.getItem(key);
        return text ? (JSON.parse(text) as unknown) : null;
      } catch {
        return null;
      }
    },
    save(value) {
      try {
        storage?.setItem(key, JSON.stringify(value));
      } catch {
        /* storage full or blocked: answers stay in memory for this visit */
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        /* nothing stored */
      }
    },
  };
}

/** A store that never writes anything (staff mode). */
export const noStore: AnswerStore = { load: () => null, save: () => {}, clear: () => {} };

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
