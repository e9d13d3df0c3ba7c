/**
 * `npm run bench:web`: builds the app, serves dist/ with `vite preview` on 127.0.0.1 and reports
 * what a phone downloads and how fast it renders: bytes (raw, gzip) of the initial HTML, JS and CSS
 * and of the rule data, requests to first render (the prerendered screen: no script needed) and
 * until the app works, the longest main-thread task after first paint in Chromium without
 * throttling (./longestTask.ts: its wall time, and the most CPU time one task used, which other
 * work on the machine inflates far less), and Lighthouse mobile scores with LCP, TBT, CLS for a
 * Korean and an English-speaking visitor's first visit. Timings vary from run to run on a shared
 * machine: each is the median of RUNS runs, with the least and most.
 * A report, not a test: only the size budget is enforced, by tests/e2e/size-budget.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM, launchBrowser, openPage } from '../e2e/browser';
import { builtFileSize, initialAssets, INITIAL_BUDGET_GZIP } from '../e2e/assets';
import { longestTaskAfterPaint, type LongestTask } from './longestTask';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DIST = 'dist';
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--configLoader', 'runner', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
const server = await preview({ configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port: 4183, strictPort: true } });
const url = 'http://127.0.0.1:4183/';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
/** "median (min–max)" of the runs' values. */
function spread(values: number[], show: (n: number) => string = String): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return `${show(median)} (${show(sorted[0])}–${show(sorted[sorted.length - 1])})`;
}
const ms = (n: number) => `${Math.round(n)} ms`;
const ms1 = (n: number) => `${n.toFixed(1)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(2)} s`;

const rows: [string, string][] = [];
const assets = initialAssets(DIST);
for (const kind of ['html', 'js', 'css'] as const) {
  const files = assets.files.filter((f) => f.kind === kind);
  rows.push([
    `initial ${kind} (${files.length} file${files.length === 1 ? '' : 's'})`,
    `${kb(files.reduce((a, f) => a + f.raw, 0))} raw, ${kb(files.reduce((a, f) => a + f.gzip, 0))} gzip`,
  ]);
}
rows.push(['rule data (lazy, with the engine)', `${kb(assets.rules.raw)} raw, ${kb(assets.rules.gzip)} gzip`]);
rows.push([
  'initial JS + CSS gzip',
  `${kb(assets.jsCssGzip)} (budget ${kb(INITIAL_BUDGET_GZIP)}, ${kb(INITIAL_BUDGET_GZIP - assets.jsCssGzip)} spare)`,
]);

const browser = await launchBrowser();
const { page, requests, context } = await openPage(browser, url, { javaScriptEnabled: false });
await page.getByRole('heading', { level: 1 }).first().waitFor();
rows.push(['requests to first render (prerendered)', String(requests.length)]);
await context.close();
const live = await openPage(browser, url);
// Hydration clears aria-busy; what the page has requested by then (checked every frame) is what it needs to work.
await live.page.waitForFunction(() => document.querySelector('main[aria-busy]') === null, null, { polling: 'raf' });
const needed = await live.page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
rows.push(['requests until it works (hydrated)', String(needed.length + 1)]);
const neededGzip = needed
  .filter((path) => /\.(js|css)$/.test(path))
  .reduce((gzip, path) => gzip + builtFileSize(DIST, path.slice(1)).gzip, 0);
const inlineCss = assets.files.filter((f) => f.kind === 'css' && f.path.startsWith('index.html')).reduce((a, f) => a + f.gzip, 0);
rows.push(['JS + CSS until it works (hydrated), gzip', kb(neededGzip + inlineCss)]);
await live.context.close();
await measureLongestTask(browser, '');
await browser.close();
// DevTools makes V8 record a detailed stack for every Error created, which needs the source
// positions of the code that created it; V8 computes those lazily by parsing that code again. The
// Svelte runtime creates an Error as the entry module is evaluated, so under DevTools (this trace,
// Lighthouse) that evaluation includes a second parse of the whole entry, ~5 ms here, which a
// phone never does. The same measure with the positions recorded when code is first compiled
// (off the main thread for the entry) shows the tasks as a phone runs them.
const eager = await launchBrowser(['--js-flags=--no-enable-lazy-source-positions']);
await measureLongestTask(eager, ", without DevTools' re-parse");
await eager.close();

async function measureLongestTask(browser: Browser, label: string) {
  const runs: LongestTask[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await longestTaskAfterPaint(browser, url));
  const what = [...new Set(runs.map((r) => r.what))].join(' / ');
  rows.push([
    `longest task after first paint (unthrottled${label}, ${RUNS} runs)`,
    `${spread(
      runs.map((r) => r.wall),
      ms,
    )} wall`,
  ]);
  rows.push([
    `  the most CPU time one task used`,
    `${spread(
      runs.map((r) => r.mostCpu),
      ms1,
    )} (${what})`,
  ]);
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
// The browser's language decides the first screen (src/lib/startup/startScript.ts): a Korean
// visitor sees the prerendered one in the page; anyone whose browser prefers another language we
// speak, theirs, prerendered in a template and swapped in by the start script before first paint.
// Lighthouse's browser is American English unless told.
const VISITORS = [
  { label: 'Korean visitor', lang: 'ko-KR' },
  { label: 'English visitor', lang: 'en-US' },
];
try {
  for (const visitor of VISITORS) await lighthouseRuns(visitor);
} finally {
  await server.close();
}

async function lighthouseRuns({ label, lang }: { label: string; lang: string }) {
  const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((id) => [id, []]));
  const metrics: Record<'LCP' | 'TBT' | 'CLS', number[]> = { LCP: [], TBT: [], CLS: [] };
  const profile = mkdtempSync(join(tmpdir(), 'lighthouse-'));
  const chrome = await launch({
    chromePath: CHROMIUM,
    userDataDir: profile,
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--lang=${lang}`,
      `--accept-lang=${lang}`,
    ],
  });
  try {
    // Lighthouse clears the origin's storage, caches and service worker before each run: every run is a first visit.
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
      const lhr = result!.lhr;
      for (const id of CATEGORIES) scores[id].push(Math.round((lhr.categories[id].score ?? 0) * 100));
      metrics.LCP.push(lhr.audits['largest-contentful-paint'].numericValue ?? NaN);
      metrics.TBT.push(lhr.audits['total-blocking-time'].numericValue ?? NaN);
      metrics.CLS.push(lhr.audits['cumulative-layout-shift'].numericValue ?? NaN);
    }
  } finally {
    await chrome.kill();
    rmSync(profile, { recursive: true, force: true });
  }
  rows.push([`Lighthouse, ${label} (${RUNS} runs)`, CATEGORIES.map((id) => `${id} ${spread(scores[id])}`).join(' · ')]);
  rows.push(['  LCP', spread(metrics.LCP, seconds)]);
  rows.push(['  TBT', spread(metrics.TBT, ms)]);
  rows.push(['  CLS', spread(metrics.CLS, (n) => n.toFixed(3))]);
}
rows.push([
  'goals',
  'JS+CSS ≤ 50 KB gzip · performance ≥ 98 · accessibility 100 · best practices 100 · LCP ≤ 1.2 s · TBT ≤ 50 ms · longest task ≤ 50 ms',
]);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
