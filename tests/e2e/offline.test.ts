/**
 * Offline: after one visit the service worker controls the page, and with the network off the app
 * reloads, switches language and completes a check. When a new build ships, a visible, accessible
 * prompt offers it; accepting reloads into the new build with the answers kept.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, usePages, type OpenedPage } from './browser';
import { ANSWERS, answerQuestions, expectResults, fillHousehold, switchToEnglishAndBack, waitForApp } from './check';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');

const openTracked = usePages();

async function open(url: string): Promise<OpenedPage> {
  const o = await openTracked(url);
  await waitForApp(o.page);
  return o;
}

const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });

describe('offline', () => {
  it('after one visit, loads and completes a check with the network off', async () => {
    const o = await open(baseUrl);
    const { page, context } = o;
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    // Every locale is precached too, not only the one in use.
    await switchToEnglishAndBack(page);
    await fillHousehold(page);
    await expectResults(page);
    await answerQuestions(page);
    await expectResults(page);
    expect(o.errors).toEqual([]);
  });
});

/** Serves a copy of the build that the test can replace with a "new build", as a host would. */
function serveCopy(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
    '.txt': 'text/plain', '.webmanifest': 'application/manifest+json',
  };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname)).replace(/^\/+/, '') || 'index.html';
    try {
      const body = readFileSync(join(dir, path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

describe('update prompt', () => {
  let dir: string;
  let served: { server: Server; url: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'benefits-update-'));
    cpSync(distDir, dir, { recursive: true });
    served = await serveCopy(dir);
  });
  afterAll(async () => {
    await new Promise((resolve) => served?.server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  let builds = 1;
  /** What a new build changes for the worker: a page and the worker's precache list. */
  function shipNewBuild(): string {
    const marker = `build ${++builds}`;
    const html = join(dir, 'index.html');
    writeFileSync(html, readFileSync(html, 'utf8').replace('</body>', `<!-- ${marker} -->\n  </body>`));
    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/(url:"index\.html",revision:")[^"]+"/, `$1${marker}"`));
    return marker;
  }

  it('offers a new build in a visible, accessible prompt; accepting it reloads with the answers kept', async () => {
    const o = await open(served.url);
    const { page } = o;
    await controlled(page);
    await fillHousehold(page);
    const prompt = page.getByRole('status').filter({ hasText: '새 버전이 나왔어요' });
    expect(await prompt.count()).toBe(0);

    const marker = shipNewBuild();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await prompt.waitFor({ timeout: 30_000 });
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: '새 버전으로 보기' }).click()]);
    await waitForApp(page);
    expect(await page.content()).toContain(marker);
    await expect(page.getByRole('textbox', { name: '생년월일 (어른 1)' }).inputValue()).resolves.toBe(ANSWERS.parentBirth);
    expect(await prompt.count()).toBe(0);
    expect(o.errors).toEqual([]);
  });

  it('"later" puts the prompt away and keeps the current build running', async () => {
    const o = await open(served.url);
    const { page } = o;
    await controlled(page);
    // This time the browser finds the new build itself, on the next visit.
    const marker = shipNewBuild();
    await page.reload();
    const prompt = page.getByRole('status').filter({ hasText: '새 버전이 나왔어요' });
    await prompt.waitFor({ timeout: 30_000 });
    await prompt.getByRole('button', { name: '나중에' }).click();
    expect(await prompt.count()).toBe(0);
    await waitForApp(page);
    expect(await page.content()).not.toContain(marker);
    expect(o.errors).toEqual([]);
  });
});
