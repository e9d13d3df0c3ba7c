/**
 * Proof that a page keeps nothing, shared by the staff and offline tests: an init script that
 * records every write to localStorage, sessionStorage, IndexedDB and cookies (and every CSP
 * violation), and a read of what the page holds afterwards.
 */
import type { Page } from 'playwright-core';

type Recorded = Window & { writes: string[]; violations: string[] };

/** Pass as `initScript`: runs in the page before its own scripts, on every load. */
export function recordWrites() {
  const w = window as unknown as Recorded;
  w.writes = [];
  w.violations = [];
  addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  for (const method of ['setItem', 'removeItem', 'clear'] as const) {
    const original = Storage.prototype[method] as (...args: unknown[]) => unknown;
    Storage.prototype[method] = function (this: Storage, ...args: unknown[]) {
      w.writes.push(`Storage.${method}`);
      return original.apply(this, args);
    } as never;
  }
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
    w.writes.push('indexedDB.open');
    return open.apply(this, args);
  };
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  Object.defineProperty(Document.prototype, 'cookie', {
    ...cookie,
    set(this: Document, value: string) {
      w.writes.push('document.cookie');
      cookie.set!.call(this, value);
    },
  });
}

/** Nothing stored and nothing blocked: what storedAnything() returns for a page that kept nothing. */
export const NOTHING_STORED = { local: 0, session: 0, indexedDB: 0, cookie: '', writes: [], violations: [] };

/**
 * What the page keeps: every storage it could have written to. IndexedDB is listed for the whole
 * origin, so a database opened by a service worker (where the init script does not run) shows too.
 */
export async function storedAnything(page: Page) {
  return page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    indexedDB: (await indexedDB.databases()).length,
    cookie: document.cookie,
    writes: (window as unknown as Recorded).writes,
    violations: (window as unknown as Recorded).violations,
  }));
}
