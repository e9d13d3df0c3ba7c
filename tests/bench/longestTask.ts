/**
 * The longest main-thread task of a first visit after the first contentful paint, in Chromium
 * without throttling, from a DevTools trace (a PerformanceObserver sees only tasks over 50 ms).
 * Lighthouse's phone model runs the page ~4× slower, so a task over ~12 ms here counts in its Total
 * Blocking Time. A task under way at the paint counts from the paint on, as in Lighthouse.
 */
import type { Browser } from 'playwright-core';

/** How long after the load event the trace runs: start-up, then registering the service worker when idle. */
const SETTLE_MS = 4_000;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

export async function longestTaskAfterPaint(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading'] });
    await page.goto(url, { waitUntil: 'load' });
    // Nothing polls the page while it is traced: Playwright's own scripts would run on its main thread.
    await page.waitForTimeout(SETTLE_MS);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    if ((await page.locator('main[aria-busy]').count()) > 0) throw new Error(`the app was not hydrated ${SETTLE_MS} ms after load`);
    if (!(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r !== undefined)))) {
      throw new Error(`the service worker was not registered ${SETTLE_MS} ms after load`);
    }
    return longestAfterPaint(traceEvents);
  } finally {
    await context.close();
  }
}

function longestAfterPaint(events: TraceEvent[]): number {
  const paint = events.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) throw new Error('no first contentful paint in the trace');
  let longest = 0;
  for (const e of events) {
    if (e.name !== 'RunTask' || e.ph !== 'X' || e.pid !== paint.pid || e.tid !== paint.tid) continue;
    const end = e.ts + (e.dur ?? 0);
    if (end > paint.ts) longest = Math.max(longest, end - Math.max(e.ts, paint.ts));
  }
  return longest / 1000;
}
