/**
 * Start-up (src/lib/startup): the first screen is in the built HTML with its styles, so it paints
 * before any script; a new visitor's screen is then hydrated in place, keeping whatever was typed
 * or ticked meanwhile; a returning resident and staff mode never see the new visitor's screen
 * flash before their own. A new visitor's screen works before the rules have arrived. Downloads are
 * held back to widen the windows the tests look into.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { COMPILE_HINT } from '../../src/build/compileHintsPlugin';
import { LANGUAGES, type Locale } from '../../src/lib/languages';
import { usePages } from './browser';
import { waitForApp } from './check';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');
const openTracked = usePages();

/** A language's app messages, as in its locale file. */
const messages = (code: Locale): { app: { title: string }; household: { title: string } } =>
  JSON.parse(readFileSync(new URL(`../../src/lib/i18n/locales/${code}.json`, import.meta.url), 'utf8'));

const householdHeading = (page: Page) => page.getByRole('heading', { level: 2, name: '우리 가족', exact: true });

/** Holds back the requests for `url` until `release()`. */
async function hold(page: Page, url: RegExp): Promise<() => void> {
  const held: Route[] = [];
  let released = false;
  await page.route(url, (route) => (released ? route.continue() : void held.push(route)));
  return () => {
    released = true;
    for (const route of held.splice(0)) void route.continue();
  };
}

/** Holds back the rule data and engine chunk (a returning resident's screen and staff mode wait for it). */
const holdEngine = (page: Page) => hold(page, /\/assets\/rules-[\w-]+\.js$/);
/** Holds back the app's entry module (hydration waits for it). */
const holdEntry = (page: Page) => hold(page, /\/assets\/index-[\w-]+\.js$/);

/** Whether the rules have arrived (src/main.ts marks it). */
const rulesArrived = (page: Page) => page.evaluate(() => performance.getEntriesByName('rules').length > 0);

/** The page's parts started so far, as `hydrate <name>` or `mount <name>` (src/lib/startup/roots.svelte.ts). */
const startedParts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .map((m) => m.name)
      .filter((name) => /^(mount|hydrate) /.test(name)),
  );

type Registrations = Window & { registrations: { loaded: boolean; idleCallbacks: number; hydrated: boolean }[] };

/** Notes, for each service-worker registration, whether the page had loaded, had been idle and was hydrated. */
function recordRegistrations() {
  const w = window as unknown as Registrations;
  w.registrations = [];
  let loaded = false;
  let idleCallbacks = 0;
  addEventListener('load', () => (loaded = true));
  const requestIdle = window.requestIdleCallback.bind(window);
  window.requestIdleCallback = (callback, options) =>
    requestIdle((deadline) => (loaded && (idleCallbacks += 1), callback(deadline)), options);
  const register = ServiceWorkerContainer.prototype.register;
  ServiceWorkerContainer.prototype.register = function (...args) {
    w.registrations.push({ loaded, idleCallbacks, hydrated: document.querySelector('main[aria-busy]') === null });
    return register.apply(this, args);
  };
}

describe('start-up', () => {
  it('shows the household question, styled, from the HTML alone (no JavaScript)', async () => {
    const { page } = await openTracked(baseUrl, { javaScriptEnabled: false });
    await expect(householdHeading(page).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { level: 1, name: '서울 가족 혜택 찾기' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('textbox', { name: '생년월일 (어른 1)' }).isVisible()).resolves.toBe(true);
    // The inline stylesheet applies: 17 px body text and the card look of the questionnaire.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('17px');
    expect(await page.locator('section.questionnaire').evaluate((el) => getComputedStyle(el).borderTopStyle)).not.toBe('none');
    // Until a script hydrates it, the page says it is not ready.
    await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
  });

  it('requests the app code only once the first screen has painted', async () => {
    const { page } = await openTracked(baseUrl);
    await waitForApp(page);
    const [paint, entry] = await page.evaluate(() => [
      performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      performance.getEntriesByType('resource').find((r) => /\/assets\/index-[\w-]+\.js$/.test(r.name))?.startTime ?? null,
    ]);
    expect(paint).not.toBeNull();
    expect(entry).not.toBeNull();
    expect(entry!).toBeGreaterThanOrEqual(paint!);
  });

  it("hydrates a new visitor's screen in place, keeping what was typed and ticked before", async () => {
    const { page, context, errors } = await openTracked('about:blank');
    const release = await holdEntry(page);
    await context.addInitScript(() => {
      addEventListener('DOMContentLoaded', () => {
        (window as unknown as { prerendered: Element | null }).prerendered = document.getElementById('step-heading');
      });
    });
    await page.goto(baseUrl);
    await page.getByRole('radio', { name: '서울특별시' }).check();
    await page.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill('1987-03-14');
    await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
    release();
    await waitForApp(page);
    expect(
      await page.evaluate(
        () => (window as unknown as { prerendered: Element | null }).prerendered === document.getElementById('step-heading'),
      ),
    ).toBe(true);
    await expect(page.getByRole('textbox', { name: '생년월일 (어른 1)' }).inputValue()).resolves.toBe('1987-03-14');
    await expect(page.getByRole('radio', { name: '서울특별시' }).isChecked()).resolves.toBe(true);
    // The app has the answers, not only the inputs: it saved them and shows them back as read.
    const saved = await page.evaluate(() => Object.values(localStorage).join(' '));
    expect(saved).toContain('1987-03-14');
    expect(saved).toContain('seoul');
    await page.getByText('1987년 3월 14일').waitFor();
    expect(errors).toEqual([]);
  });

  it('lets a new visitor answer the household question before the rules have arrived; "next" waits for them', async () => {
    const { page, errors } = await openTracked('about:blank');
    const release = await holdEngine(page);
    await page.goto(baseUrl);
    await page.locator('main:not([aria-busy])').waitFor();
    await page.getByRole('radio', { name: '서울특별시' }).check();
    await page.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill('1987-03-14');
    await page.getByRole('group', { name: '지금 임신 중인가요? (어른 1)' }).getByRole('radio', { name: '아니요' }).check();
    await page.getByText('1987년 3월 14일').waitFor();
    await page.getByRole('button', { name: '다음' }).click();
    await page.locator('#rules-status', { hasText: '혜택 기준을 불러오는 중이에요' }).waitFor();
    await expect(page.locator('form').getAttribute('aria-busy')).resolves.toBe('true');
    await page.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill('1987-03-15');
    expect(await rulesArrived(page)).toBe(false);
    await expect(page.locator('[data-step]').getAttribute('data-step')).resolves.toBe('household');
    release();
    await page.locator('[data-step]:not([data-step="household"])').waitFor();
    await expect(page.locator('#step-heading').evaluate((h) => h === document.activeElement)).resolves.toBe(true);
    expect(await page.evaluate(() => Object.values(localStorage).join(' '))).toContain('1987-03-15');
    expect(errors).toEqual([]);
  });

  it("shows a visitor in another language their own first screen from the HTML, before any of the app's code, and hydrates it in place", async () => {
    const { page, errors } = await openTracked('about:blank', { locale: 'en-US' });
    const release = await holdEntry(page);
    await page.goto(baseUrl);
    const heading = page.getByRole('heading', { level: 2, name: 'Your household', exact: true });
    await heading.waitFor();
    // No code of the app's has run (its module is held back): the page and its start script did it.
    await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.title()).resolves.toBe(messages('en').app.title);
    await expect(page.getByRole('heading', { level: 1, name: messages('en').app.title }).isVisible()).resolves.toBe(true);
    await expect(householdHeading(page).count()).resolves.toBe(0);
    // The page has painted it, from the HTML alone.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
    await page.evaluate(
      () => ((window as unknown as { prerendered: Element | null }).prerendered = document.getElementById('step-heading')),
    );
    release();
    await page.locator('main:not([aria-busy])').waitFor();
    expect(
      await page.evaluate(
        () => (window as unknown as { prerendered: Element | null }).prerendered === document.getElementById('step-heading'),
      ),
    ).toBe(true);
    expect((await startedParts(page)).filter((name) => name.startsWith('hydrate '))).toEqual([
      'hydrate header',
      'hydrate progress',
      'hydrate step',
      'hydrate footer',
    ]);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    expect(errors).toEqual([]);
  });

  it('has the first screen in every language in the HTML, each shown before the app runs to a visitor whose browser prefers it', async () => {
    for (const { code, tag } of LANGUAGES) {
      const { page, context } = await openTracked('about:blank', { locale: tag });
      await holdEntry(page);
      await page.goto(baseUrl);
      await page.getByRole('heading', { level: 2, name: messages(code).household.title, exact: true }).waitFor();
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(tag);
      await expect(page.title()).resolves.toBe(messages(code).app.title);
      await expect(page.locator('main').getAttribute('aria-busy')).resolves.toBe('true');
      await context.close();
    }
  });

  it('shows a visitor in another language their own household question, working, before the rules have arrived', async () => {
    const { page, errors } = await openTracked('about:blank', { locale: 'en-US' });
    const release = await holdEngine(page);
    await page.goto(baseUrl);
    await page.getByRole('heading', { level: 2, name: 'Your household', exact: true }).waitFor();
    await page.locator('main:not([aria-busy])').waitFor();
    const birthDate = page.locator('[data-step="household"] input[type="text"]').first();
    await birthDate.fill('1987-03-14');
    await expect(birthDate.inputValue()).resolves.toBe('1987-03-14');
    expect(await rulesArrived(page)).toBe(false);
    release();
    await page.locator('form[data-rules="ready"]').waitFor();
    expect(errors).toEqual([]);
  });

  it("never shows a returning resident the new visitor's screen: their own step comes up", async () => {
    const { page } = await openTracked(baseUrl);
    await waitForApp(page);
    await page.getByRole('radio', { name: '서울특별시' }).check();
    await page.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill('1987-03-14');
    await page.getByRole('group', { name: '지금 임신 중인가요? (어른 1)' }).getByRole('radio', { name: '아니요' }).check();
    await page.getByRole('button', { name: '다음' }).click();
    const step = await page.locator('[data-step]').getAttribute('data-step');
    expect(step).not.toBe('household');

    const release = await holdEngine(page);
    await page.reload();
    await expect(householdHeading(page).isVisible()).resolves.toBe(false);
    release();
    await page.locator(`[data-step="${step}"]`).waitFor();
    await expect(page.locator(`[data-step="${step}"]`).isVisible()).resolves.toBe(true);
    expect(await startedParts(page)).not.toContainEqual(expect.stringMatching(/^hydrate /));
  });

  it("hydrates a new visitor's header, progress, question step and footer as roots of their own, and mounts the rest", async () => {
    const { page, errors } = await openTracked(baseUrl);
    await waitForApp(page);
    await page.waitForFunction(() => performance.getEntriesByName('mount update').length > 0);
    const started = await startedParts(page);
    expect(started.filter((name) => name.startsWith('hydrate '))).toEqual([
      'hydrate header',
      'hydrate progress',
      'hydrate step',
      'hydrate footer',
    ]);
    expect(started.filter((name) => name.startsWith('mount ')).sort()).toEqual(['mount live', 'mount results', 'mount update']);
    expect(errors).toEqual([]);
  });

  it("asks Chromium to compile the app's entry module off the main thread, and only that one", () => {
    const chunks = readdirSync(join(distDir, 'assets')).filter((f) => f.endsWith('.js'));
    const hinted = chunks.filter((f) => readFileSync(join(distDir, 'assets', f), 'utf8').startsWith(`${COMPILE_HINT}\n`));
    expect(hinted).toEqual([expect.stringMatching(/^index-[\w-]+\.js$/)]);
  });

  it('registers the service worker once, only after the page has loaded, been hydrated and been idle', async () => {
    const { page, errors } = await openTracked(baseUrl, { initScript: recordRegistrations });
    await waitForApp(page);
    await page.waitForFunction(() => (window as unknown as Registrations).registrations.length > 0);
    const registrations = await page.evaluate(() => (window as unknown as Registrations).registrations);
    expect(registrations).toEqual([{ loaded: true, idleCallbacks: expect.any(Number), hydrated: true }]);
    expect(registrations[0].idleCallbacks).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it("never shows staff mode the resident's screen", async () => {
    const { page } = await openTracked('about:blank');
    const release = await holdEngine(page);
    await page.goto(`${baseUrl}#/staff`);
    await expect(householdHeading(page).isVisible()).resolves.toBe(false);
    release();
    await page.getByRole('heading', { level: 1, name: '동주민센터 상담 화면' }).waitFor();
    await expect(page.getByRole('heading', { level: 1, name: '서울 가족 혜택 찾기' }).count()).resolves.toBe(0);
  });
});
