/**
 * Browser helpers for the e2e tests: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), pages at phone size, axe-core checks and a request log.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserServer, type Download, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium as root in a closed network (see shared/STACK.md). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `extraFlags`: for benchmarks that change how the browser itself runs (tests/bench/web.bench.ts). */
export function launchBrowser(extraFlags: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraFlags] });
}

/** One Chromium for the whole e2e run (tests/e2e/globalSetup.ts): each file connects to it, not launches its own. */
export function launchBrowserServer(): Promise<BrowserServer> {
  return chromium.launchServer({ executablePath: CHROMIUM, args: FLAGS });
}

export interface PageOptions {
  width?: number;
  height?: number;
  locale?: string;
  /** Runs in the page before any of its own scripts, on every load (e.g. to listen for CSP violations). */
  initScript?: () => void;
  /** false: the page as a browser without JavaScript sees it. */
  javaScriptEnabled?: boolean;
  /** 'reduce': the page as a browser set to reduce motion sees it (no smooth scrolling). */
  reducedMotion?: 'reduce';
  /** The page's clock stands still at this moment (ISO), so "today" is fixed whatever the real date. */
  now?: string;
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Every request the page made, in order. */
  requests: Request[];
}

export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 360, height: options.height ?? 740 },
    locale: options.locale ?? 'ko-KR',
    timezoneId: 'Asia/Seoul',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  // Playwright's 30 s default can pass on a busy 2-core CI machine while the page is fine.
  context.setDefaultTimeout(90_000);
  if (options.initScript) await context.addInitScript(options.initScript);
  if (options.now) await context.clock.setFixedTime(new Date(options.now));
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: Request[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r));
  await page.goto(url);
  return { context, page, errors, requests };
}

/**
 * A connection to the run's browser for the calling test file, made before its tests and closed
 * after them with every page opened through the returned function. Pages open in contexts of
 * their own, so files share no cookies, storage or service workers; only the launch is shared.
 */
export function usePages(): (url: string, options?: PageOptions) => Promise<OpenedPage> {
  let browser: Browser | undefined;
  const opened: OpenedPage[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserEndpoint'));
  });
  afterAll(async () => {
    for (const o of opened) await o.context.close();
    await browser?.close();
  });
  return async (url, options) => {
    const o = await openPage(browser!, url, options);
    opened.push(o);
    return o;
  };
}

/** A download's bytes, read through Playwright: the file on disk is the browser's, which runs in another process. */
export async function downloaded(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core's WCAG 2.1 A/AA and best-practice violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // evaluate() runs through the DevTools protocol, so the page's CSP does not block axe.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
