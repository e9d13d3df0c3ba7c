/**
 * The embed demo host page (public/embed-demo.html) in Chromium: the portal prefills by postMessage
 * and by property, the checker shows that household, the portal receives the results as an event
 * and a message; a message from a foreign origin (localhost against 127.0.0.1, same server) is
 * ignored. Then the whole build served under a sub-path, as the portal may serve it at /benefits/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { preview } from 'vite';
import { templateCsv } from '../../src/lib/batch';
import { axeViolations, usePages, type OpenedPage } from './browser';
import { ruleName, waitForApp } from './check';

const baseUrl = inject('baseUrl');

type Recorded = Window & { violations: string[]; messages: string[] };

function record() {
  const w = window as unknown as Recorded;
  w.violations = [];
  w.messages = [];
  addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  addEventListener('message', (e) => w.messages.push(`${e.origin} ${(e.data as { type?: string })?.type}`));
}

const openTracked = usePages();

async function openDemo(url: string): Promise<OpenedPage> {
  const o = await openTracked(url, { width: 1280, height: 900, initScript: record });
  await o.page.locator('seoul-benefits-checker').getByRole('heading', { level: 2, name: '우리 가족' }).waitFor();
  return o;
}

const checker = (page: Page) => page.locator('seoul-benefits-checker');
const birthDate = (page: Page, who: string) =>
  checker(page)
    .getByRole('textbox', { name: `생년월일 (${who})` })
    .inputValue();

describe('the embed demo page', () => {
  it('prefill → the checker shows the household → the host receives results; a foreign origin is ignored', async () => {
    const { page, errors } = await openDemo(`${baseUrl}embed-demo.html`);

    await page.getByRole('button', { name: '예시 가구 채우기 (postMessage)' }).click();
    await expect.poll(() => birthDate(page, '어른 1')).toBe('1993-05-02');
    expect(await birthDate(page, '어른 2')).toBe('1991-11-20');
    expect(await checker(page).getByRole('radio', { name: '서울특별시' }).isChecked()).toBe(true);
    for (const output of ['#from-message', '#from-event']) {
      await page.locator(output, { hasText: ruleName('pregnancy-transport') }).waitFor();
    }
    // Only the benefits named in the `benefits` attribute are shown and reported.
    expect(await page.locator('#from-event').innerText()).not.toContain(ruleName('kids-cafe'));
    expect(
      await checker(page)
        .getByRole('article', { name: ruleName('kids-cafe') })
        .count(),
    ).toBe(0);

    await page.evaluate(() => {
      (document.querySelector('seoul-benefits-checker') as HTMLElement & { household: unknown }).household = {
        residence: 'seoul',
        members: [{ role: 'adult', birthDate: '1980-01-01', sex: 'female', pregnant: false }],
      };
    });
    await expect.poll(() => birthDate(page, '어른 1')).toBe('1980-01-01');

    const foreign = baseUrl.replace('127.0.0.1', 'localhost');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.evaluate((url) => void window.open(url), `${foreign}robots.txt`)]);
    await popup.waitForLoadState();
    expect(await popup.evaluate(() => location.origin)).not.toBe(await page.evaluate(() => location.origin));
    await popup.evaluate(() => {
      const w = window as unknown as { received: unknown[] };
      w.received = [];
      addEventListener('message', (e) => w.received.push(e.data));
      window.opener.postMessage(
        {
          type: 'seoul-benefits-checker:prefill',
          household: { residence: 'other', members: [{ role: 'adult', birthDate: '1970-01-01' }] },
        },
        '*',
      );
    });
    const from = foreign.replace(/\/$/, '');
    await page.waitForFunction(
      (origin) => (window as unknown as Recorded).messages.includes(`${origin} seoul-benefits-checker:prefill`),
      from,
    );
    expect(await birthDate(page, '어른 1')).toBe('1980-01-01');
    expect(await checker(page).getByRole('radio', { name: '다른 시·도' }).isChecked()).toBe(false);
    // No reply either: the checker answers allowed origins only.
    expect(
      await popup.evaluate(
        () => new Promise((resolve) => setTimeout(() => resolve((window as unknown as { received: unknown[] }).received), 200)),
      ),
    ).toEqual([]);

    expect(await page.evaluate(() => (window as unknown as Recorded).violations)).toEqual([]);
    expect(errors).toEqual([]);
    // Last: axe itself adds an inline <style>, which the demo's CSP reports.
    expect(await axeViolations(page)).toEqual([]);
  });

  it('is themed by the host through CSS custom properties and speaks the language of its lang attribute', async () => {
    const { page } = await openDemo(`${baseUrl}embed-demo.html`);
    const next = checker(page).getByRole('button', { name: '다음' });
    expect(await next.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(0, 112, 74)');
    // Nothing of the checker's own stylesheet reaches the host page.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontSize)).toBe('16px');
    await page.getByRole('combobox', { name: '언어 (lang 속성)' }).selectOption('en');
    await checker(page).getByRole('heading', { level: 2, name: 'Your household' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('under a sub-path', () => {
  it('serves the app, staff batch screening (its worker) and the embed from /benefits/', async () => {
    const server = await preview({
      configLoader: 'runner',
      logLevel: 'warn',
      base: '/benefits/',
      build: { outDir: inject('distDir') },
      preview: { host: '127.0.0.1', port: 0 },
    });
    try {
      const root = server.resolvedUrls!.local[0];
      expect(root).toMatch(/\/benefits\/$/);
      const failed: string[] = [];
      const watch = (o: OpenedPage) => o.page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`));

      const demo = await openDemo(`${root}embed-demo.html`);
      watch(demo);
      await demo.page.getByRole('button', { name: '예시 가구 채우기 (household 속성)' }).click();
      await demo.page.locator('#from-event', { hasText: ruleName('pregnancy-transport') }).waitFor();

      const staff = await openTracked(`${root}#/staff/batch`, { width: 1280, height: 900 });
      watch(staff);
      await staff.page
        .getByLabel('CSV 파일 선택', { exact: true })
        .setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(templateCsv()) });
      await staff.page.getByText(/^2가구를 확인했어요/).waitFor();

      const resident = await openTracked(root);
      await waitForApp(resident.page);

      const requests = [...demo.requests, ...staff.requests, ...resident.requests].map((r) => new URL(r.url()).pathname);
      expect(requests.filter((p) => !p.startsWith('/benefits/'))).toEqual([]);
      expect(requests).toEqual(expect.arrayContaining(['/benefits/embed.js', '/benefits/embed.css']));
      expect(requests.some((p) => /^\/benefits\/assets\/worker-[\w-]+\.js$/.test(p))).toBe(true);
      expect(failed).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
