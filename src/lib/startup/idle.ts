/**
 * Work that must not compete with start-up — registering the service worker, which makes the
 * browser fetch and precache the whole build — waits for the page's load event and then for the
 * main thread to be idle. Where requestIdleCallback is missing (Safari), a short timeout stands in.
 */
type IdleWindow = Pick<Window, 'document' | 'addEventListener' | 'setTimeout'> & {
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
};

/** At the latest this long after load, even if the page is never idle. */
const IDLE_TIMEOUT_MS = 3_000;
/** Without requestIdleCallback: this long after load. */
const FALLBACK_MS = 500;

export function whenIdleAfterLoad(win: IdleWindow = window): Promise<void> {
  return new Promise((idle) => {
    const afterLoad = () => {
      if (win.requestIdleCallback) win.requestIdleCallback(() => idle(), { timeout: IDLE_TIMEOUT_MS });
      else win.setTimeout(idle, FALLBACK_MS);
    };
    if (win.document.readyState === 'complete') afterLoad();
    else win.addEventListener('load', afterLoad, { once: true });
  });
}
