/**
 * The longest main-thread task of a first visit after the first contentful paint, in Chromium
 * without throttling, from a DevTools trace (a PerformanceObserver sees only tasks over 50 ms).
 * Lighthouse's phone model runs the page ~4× slower, so a task over ~12 ms here counts in its Total
 * Blocking Time. A task under way at the paint counts from the paint on, as in Lighthouse.
 *
 * A task's wall time includes any time the machine gave the main thread's core to other work, so
 * on a shared machine the CPU time it used (the trace's thread time) is reported beside it, with
 * what the task was doing: the part of the page it hydrated or mounted (src/lib/startup), the
 * entry module's evaluation, or else the largest thing in it (layout, garbage collection…).
 */
import type { Browser } from 'playwright-core';

/** How long after the load event the trace runs: start-up, then registering the service worker when idle. */
const SETTLE_MS = 4_000;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, on complete events. */
  tdur?: number;
}

export interface LongestTask {
  /** Wall-clock milliseconds from the paint (or the task's start) to its end. */
  wall: number;
  /** CPU milliseconds the main thread spent in the task with the longest wall time. */
  cpu: number;
  /** CPU milliseconds of the task that used the most, and what it did. */
  mostCpu: number;
  what: string;
}

export async function longestTaskAfterPaint(browser: Browser, url: string): Promise<LongestTask> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  try {
    const page = await context.newPage();
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink.user_timing'],
    });
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

function longestAfterPaint(events: TraceEvent[]): LongestTask {
  const paint = events.find((e) => e.name === 'firstContentfulPaint');
  if (!paint) throw new Error('no first contentful paint in the trace');
  const main = events.filter((e) => e.pid === paint.pid && e.tid === paint.tid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.ts + (e.dur ?? 0) > paint.ts);
  const wall = (e: TraceEvent) => (e.ts + (e.dur ?? 0) - Math.max(e.ts, paint.ts)) / 1000;
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  if (tasks.length === 0) return { wall: 0, cpu: 0, mostCpu: 0, what: 'nothing' };
  const longest = tasks.reduce((a, b) => (wall(b) > wall(a) ? b : a));
  const busiest = tasks.reduce((a, b) => (cpu(b) > cpu(a) ? b : a));
  return { wall: wall(longest), cpu: cpu(longest), mostCpu: cpu(busiest), what: describe(busiest, main, events) };
}

const within = (task: TraceEvent) => (e: TraceEvent) => e !== task && e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0);

/** What `task` did: the roots it started (their user-timing measures), the entry's evaluation, or its largest part. */
function describe(task: TraceEvent, main: TraceEvent[], events: TraceEvent[]): string {
  const roots = events
    .filter((e) => e.cat.includes('user_timing') && e.ph === 'b' && /^(hydrate|mount) /.test(e.name))
    .filter(within(task));
  if (roots.length > 0) return [...new Set(roots.map((e) => e.name))].join(', ');
  const inside = main.filter((e) => e.ph === 'X').filter(within(task));
  if (inside.some((e) => e.name === 'v8.evaluateModule')) return 'module evaluation';
  const parts = inside.filter((e) => !['ThreadControllerImpl::RunTask', 'RunTask'].includes(e.name));
  if (parts.length === 0) return 'unlabelled';
  const top = parts.reduce((a, b) => ((b.dur ?? 0) > (a.dur ?? 0) ? b : a));
  return top.name;
}
