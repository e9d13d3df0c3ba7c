/**
 * Offline: the service worker precaches every file of the build; after one visit it controls the
 * page, and with the network off the app reloads, switches language and completes a check. Staff
 * mode likewise reloads offline, checks an applicant, prints in a second language and screens a
 * CSV in its worker, with the worker's Cache Storage holding only the app's files and no other
 * storage written. When a new build ships, a visible, accessible prompt offers it; accepting
 * reloads into the new build with the resident's answers kept (staff mode warns that its answers go).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { templateCsv } from '../../src/lib/batch';
import { plusDays, todayInSeoul } from '../../src/lib/engine/dates';
import { axeViolations, usePages, type OpenedPage } from './browser';
import { ANSWERS, answerQuestions, expectResults, fillHousehold, ruleName, switchToEnglishAndBack, waitForApp } from './check';
import { NOTHING_STORED, recordWrites, storedAnything } from './storage';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');

const openTracked = usePages();

async function open(url: string): Promise<OpenedPage> {
  const o = await openTracked(url);
  await waitForApp(o.page);
  return o;
}

/** Staff mode at desk size, recording every storage write (tests/e2e/storage.ts). */
async function openStaff(url: string): Promise<OpenedPage> {
  const o = await openTracked(`${url}#/staff`, { width: 1366, height: 900, initScript: recordWrites });
  await waitForStaff(o.page);
  return o;
}

const waitForStaff = (page: Page) => page.getByRole('heading', { level: 1, name: '동주민센터 상담 화면' }).waitFor();
const controlled = (page: Page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 90_000 });

/** The precache list generated into sw.js: every URL, relative to the build. */
function precached(dir: string): string[] {
  return [...readFileSync(join(dir, 'sw.js'), 'utf8').matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]);
}

describe('precache', () => {
  it('holds every file of the build but the worker itself: the app, staff mode, its batch worker, every locale', () => {
    const files = readdirSync(distDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => join(f.parentPath, f.name).slice(distDir.length).replace(/^\/+/, ''))
      .filter((f) => f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
    const list = precached(distDir);
    expect(new Set(list)).toEqual(new Set(files));
    // What staff mode needs offline, by name, so that a failure says what is missing.
    for (const chunk of [
      /^assets\/staff-[\w-]+\.js$/,
      /^assets\/staff-[\w-]+\.css$/,
      /^assets\/worker-[\w-]+\.js$/,
      /^assets\/(en|zh|vi)-[\w-]+\.js$/,
    ]) {
      expect(
        list.some((url) => chunk.test(url)),
        String(chunk),
      ).toBe(true);
    }
  });
});

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

  it('staff mode, after one visit, reloads, checks an applicant, prints in English and screens a CSV with the network off, keeping nothing', async () => {
    const o = await openStaff(baseUrl);
    const { page, context } = o;
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await waitForStaff(page);

    const form = page.getByRole('region', { name: '신청인 정보' });
    const results = page.getByRole('region', { name: '받을 수 있는 혜택' });
    await form.getByRole('radio', { name: '서울특별시' }).check();
    await form.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill('1993-05-02');
    await form.getByRole('group', { name: '성별 (어른 1)' }).getByRole('radio', { name: '여성' }).check();
    await form.getByRole('group', { name: '지금 임신 중인가요? (어른 1)' }).getByRole('radio', { name: '예' }).check();
    await form.getByRole('textbox', { name: '출산 예정일 (어른 1)' }).fill(plusDays(todayInSeoul(), 90));
    await form.getByRole('button', { name: /아이 추가/ }).click();
    await form.getByRole('textbox', { name: '생년월일 (아이 1)' }).fill(plusDays(todayInSeoul(), -400));
    await results.getByRole('article', { name: ruleName('pregnancy-transport') }).waitFor();
    await results.getByRole('article', { name: ruleName('parent-allowance') }).waitFor();

    // The handout's second language is a locale chunk the page has not loaded yet.
    await page.getByRole('combobox', { name: '안내문에 함께 쓸 언어' }).selectOption('en');
    await page.emulateMedia({ media: 'print' });
    await page.locator('.printout', { hasText: 'Where to apply' }).waitFor();
    await page.emulateMedia({ media: 'screen' });

    await page.getByRole('link', { name: 'CSV 일괄 확인' }).click();
    await page
      .getByLabel('CSV 파일 선택', { exact: true })
      .setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(templateCsv()) });
    await page.getByText(/^2가구를 확인했어요/).waitFor();

    expect(await storedAnything(page)).toEqual(NOTHING_STORED);
    // The worker's own Cache Storage holds the app's files and nothing else: no answer, no CSV.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return urls;
    });
    expect(cached.length).toBeGreaterThan(0);
    const list = precached(distDir);
    for (const url of cached) expect(list, url).toContain(new URL(url).pathname.replace(/^\/+/, ''));
    expect(o.errors).toEqual([]);
  });
});

/** Serves a copy of the build that the test can replace with a "new build", as a host would. */
function serveCopy(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.svg': 'image/svg+xml',
    '.txt': 'text/plain',
    '.webmanifest': 'application/manifest+json',
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
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
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
    await prompt.waitFor({ timeout: 90_000 });
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
    await prompt.waitFor({ timeout: 90_000 });
    await prompt.getByRole('button', { name: '나중에' }).click();
    expect(await prompt.count()).toBe(0);
    await waitForApp(page);
    expect(await page.content()).not.toContain(marker);
    expect(o.errors).toEqual([]);
  });

  it('shows in staff mode too, warning that updating clears the screen, and reloads into staff mode', async () => {
    const o = await openStaff(served.url);
    const { page } = o;
    await controlled(page);
    const marker = shipNewBuild();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    const prompt = page.getByRole('status').filter({ hasText: '새 버전이 나왔어요' });
    await prompt.waitFor({ timeout: 90_000 });
    expect(await prompt.innerText()).toContain('답변과 CSV 결과가 지워지니');
    expect(await axeViolations(page)).toEqual([]);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: '새 버전으로 보기' }).click()]);
    await waitForStaff(page);
    expect(await page.content()).toContain(marker);
    expect(new URL(page.url()).hash).toBe('#/staff');
    expect(await storedAnything(page)).toEqual(NOTHING_STORED);
    expect(o.errors).toEqual([]);
  });
});
