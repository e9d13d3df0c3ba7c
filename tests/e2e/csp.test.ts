/**
 * The Content-Security-Policy in src/index.html forbids inline code and eval, and the whole app works
 * under it in Chromium: a complete check and a language switch raise no violation. The build's two
 * inline elements (src/lib/startup: the stylesheet and a one-line start-up script) are allowed by
 * their hashes only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { usePages, type OpenedPage } from './browser';
import { answerQuestions, expectResults, fillHousehold, switchToEnglishAndBack, waitForApp } from './check';

const baseUrl = inject('baseUrl');
const distDir = inject('distDir');

const openTracked = usePages();
let o: OpenedPage;

type Recorded = Window & { cspViolations: string[] };

function recordViolations() {
  (window as unknown as Recorded).cspViolations = [];
  addEventListener('securitypolicyviolation', (e) =>
    (window as unknown as Recorded).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
  );
}
const violations = () => o.page.evaluate(() => (window as unknown as Recorded).cspViolations);

describe('Content-Security-Policy', () => {
  it('is in the built index.html, without unsafe-inline or unsafe-eval', () => {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(policy).toBeDefined();
    expect(policy).not.toMatch(/unsafe-|data:|blob:|\*/);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
  });

  it('allows exactly the inline script and style the page has, by hash', () => {
    const html = readFileSync(join(distDir, 'index.html'), 'utf8');
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    const hashes = (directive: string) =>
      [...(policy.split(';').find((d) => d.trim().startsWith(directive)) ?? '').matchAll(/'sha256-([^']+)'/g)].map((m) => m[1]);
    const inline = (tag: string) =>
      [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => createHash('sha256').update(m[1]).digest('base64'));
    expect(inline('script')).toHaveLength(1);
    expect(inline('style')).toHaveLength(1);
    expect(hashes('script-src')).toEqual(inline('script'));
    expect(hashes('style-src')).toEqual(inline('style'));
  });

  it('lets the app work without a single violation: a check, a language switch, the results', async () => {
    o = await openTracked(baseUrl, { initScript: recordViolations });
    const { page } = o;
    await waitForApp(page);
    await switchToEnglishAndBack(page);
    await fillHousehold(page);
    await answerQuestions(page);
    await expectResults(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 90_000 });
    expect(await violations()).toEqual([]);
    expect(o.errors).toEqual([]);
  });

  it('lets staff mode (#/staff) start without a violation', async () => {
    const staff = await openTracked(`${baseUrl}#/staff`, { initScript: recordViolations });
    try {
      await staff.page.waitForFunction(() => !document.documentElement.hasAttribute('data-resume'));
      await staff.page.getByRole('heading', { level: 1, name: '동주민센터 상담 화면' }).waitFor();
      await staff.page.waitForLoadState('networkidle');
      expect(await staff.page.evaluate(() => (window as unknown as Recorded).cspViolations)).toEqual([]);
      expect(staff.errors).toEqual([]);
    } finally {
      await staff.context.close();
    }
  });

  it('is enforced: an injected inline script and inline style are refused and reported', async () => {
    const { page } = o;
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { visibility: hidden }';
      document.head.append(style);
      return { script: 'injected' in window, hidden: getComputedStyle(document.body).visibility === 'hidden' };
    });
    expect(ran).toEqual({ script: false, hidden: false });
    await expect.poll(violations).toEqual([expect.stringMatching(/^script-src/), expect.stringMatching(/^style-src/)]);
  });
});
