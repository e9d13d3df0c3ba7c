/**
 * `npm run bench:web`: builds the app, serves dist/ with `vite preview` on 127.0.0.1 and reports
 * what a phone downloads and how fast it renders: bytes (raw, gzip) of the initial HTML, JS and CSS
 * and of the rule data, requests to first render (the prerendered screen: no script needed) and
 * until the app works, and Lighthouse mobile scores with LCP, TBT, CLS.
 * A report, not a test: only the size budget is enforced, by tests/e2e/size-budget.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { preview } from 'vite';
import { CHROMIUM, launchBrowser, openPage } from '../e2e/browser';
import { initialAssets, INITIAL_BUDGET_GZIP } from '../e2e/assets';

const DIST = 'dist';
execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--configLoader', 'runner', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
const server = await preview({ configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port: 4183, strictPort: true } });
const url = 'http://127.0.0.1:4183/';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
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
rows.push(['initial JS + CSS gzip', `${kb(assets.jsCssGzip)} (budget ${kb(INITIAL_BUDGET_GZIP)})`]);

const browser = await launchBrowser();
const { page, requests, context } = await openPage(browser, url, { javaScriptEnabled: false });
await page.getByRole('heading', { level: 1 }).first().waitFor();
rows.push(['requests to first render (prerendered)', String(requests.length)]);
await context.close();
const live = await openPage(browser, url);
// Hydration clears aria-busy (src/App.svelte).
await live.page.locator('main:not([aria-busy])').waitFor();
rows.push(['requests until it works (hydrated)', String(live.requests.length)]);
await live.context.close();
await browser.close();

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
  ],
});
try {
  const result = await lighthouse(url, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const lhr = result!.lhr;
  for (const id of ['performance', 'accessibility', 'best-practices', 'seo'])
    rows.push([`Lighthouse ${id}`, String(Math.round((lhr.categories[id].score ?? 0) * 100))]);
  rows.push(['LCP', lhr.audits['largest-contentful-paint'].displayValue ?? '']);
  rows.push(['TBT', lhr.audits['total-blocking-time'].displayValue ?? '']);
  rows.push(['CLS', lhr.audits['cumulative-layout-shift'].displayValue ?? '']);
} finally {
  await chrome.kill();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
rows.push(['goals', 'JS+CSS ≤ 50 KB gzip · performance ≥ 98 · accessibility 100 · best practices 100 · LCP ≤ 1.2 s · TBT ≤ 50 ms']);
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
