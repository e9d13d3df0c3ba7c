/**
 * Every language of the list, in Chromium: four personas' results pages in each language hold no
 * text in another script, except Korean official names marked lang="ko" beside their translation
 * (and the language switch, each name marked with its own language); no rule text falls back to
 * Korean; the Korean text is said to be authoritative; axe finds nothing. A first visit opens in
 * the browser's language, and a language the resident chooses is remembered on the device.
 * One browser; each persona's page is reused for every language.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { plusDays, plusMonths, todayInSeoul } from '../../src/lib/engine/dates';
import { LANGUAGES, type Language } from '../../src/lib/languages';
import { STORAGE_KEY } from '../../src/lib/storage';
import { QUOTES_KOREAN, SCRIPTS } from '../scripts';
import { axeViolations, usePages } from './browser';

const baseUrl = inject('baseUrl');
const today = todayInSeoul();
const open = usePages();

type Raw = Record<string, string>;
const member = (id: string, role: 'adult' | 'child', raw: Raw) => ({ id, role, raw });

/** A saved check at its answers summary, as the app stores it (src/lib/questionnaire/form.ts). */
const saved = (raw: Raw, members: ReturnType<typeof member>[], incomeMode = '') => ({
  form: { v: 1, raw, incomeMode, members, visited: [], cursor: 1, nextId: members.length + 1 },
  locale: 'ko',
});

const PERSONAS = {
  'pregnant in Seoul': saved(
    { residence: 'seoul', monthlyIncome: '4200000' },
    [
      member('m1', 'adult', { birthDate: '1993-05-02', sex: 'female', pregnant: 'true', dueDate: plusDays(today, 90) }),
      member('m2', 'adult', { birthDate: '1991-11-20', sex: 'male', pregnant: 'false' }),
    ],
    'amount',
  ),
  'newborn twins': saved({ residence: 'seoul' }, [
    member('m1', 'adult', { birthDate: '1990-03-01', sex: 'female', pregnant: 'false' }),
    member('m2', 'child', { birthDate: plusMonths(today, -48) }),
    member('m3', 'child', { birthDate: plusDays(today, -10), birthRegisteredInSeoul: 'true' }),
    member('m4', 'child', { birthDate: plusDays(today, -10), birthRegisteredInSeoul: 'true' }),
  ]),
  'single parent, low income': saved(
    { residence: 'seoul', singleParent: 'true', monthlyIncome: '1500000' },
    [
      member('m1', 'adult', { birthDate: '1992-07-07', sex: 'female', pregnant: 'false' }),
      member('m2', 'child', { birthDate: plusMonths(today, -36) }),
    ],
    'amount',
  ),
  'outside Seoul': saved({ residence: 'other' }, [
    member('m1', 'adult', { birthDate: '1988-01-15', sex: 'male' }),
    member('m2', 'child', { birthDate: plusMonths(today, -12) }),
  ]),
};

/**
 * Text of the results, the header and the footer outside elements marked with another language,
 * and any element inside a result card marked with another language that is not an official name.
 * (The answers summary above the results quotes the Korean terms some questions name on purpose:
 * tests/ui/locales.test.ts checks every message's script.)
 */
function pageTexts(page: Page, tag: string) {
  return page.evaluate((tag) => {
    const texts: string[] = [];
    for (const root of document.querySelectorAll('#results, header, footer')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (parent.closest('script, style, noscript, [hidden], .print-only')) continue;
        if (parent.closest('[lang]')?.getAttribute('lang') !== tag) continue;
        const text = node.textContent!.trim();
        if (text) texts.push(text);
      }
    }
    const stray = [...document.querySelectorAll('article [lang]')]
      .filter((el) => el.getAttribute('lang') !== tag && !el.closest('.official'))
      .map((el) => el.textContent!.trim());
    return { texts, stray, htmlLang: document.documentElement.lang };
  }, tag);
}

/** The messages of `code` that quote Korean on purpose (a question's official term), as shown. */
function quotingKorean(code: string): Set<string> {
  const messages = JSON.parse(readFileSync(`src/lib/i18n/locales/${code}.json`, 'utf8'));
  return new Set([...QUOTES_KOREAN].map((key) => key.split('.').reduce((node, k) => node?.[k], messages)).filter(Boolean));
}

const foreignLetters = (text: string, language: Language) =>
  SCRIPTS.filter((s) => !language.scripts.includes(s)).flatMap((s) => text.match(new RegExp(`\\p{Script=${s}}+`, 'gu')) ?? []);

// Each test in a page of its own, all at once: they mostly wait for the page.
describe.concurrent('results pages in every language', () => {
  for (const [name, state] of Object.entries(PERSONAS)) {
    it(`${name}: every language in its own script, Korean names marked, nothing for axe`, async ({ expect }) => {
      const { page, errors } = await open(baseUrl, {
        initScript: new Function(
          `localStorage.setItem(${JSON.stringify(STORAGE_KEY)}, ${JSON.stringify(JSON.stringify(state))})`,
        ) as () => void,
      });
      await page.locator('#results article').first().waitFor();
      for (const language of [...LANGUAGES.slice(1), LANGUAGES[0]]) {
        await page.getByRole('button', { name: language.name, exact: true }).click();
        await page.waitForFunction((tag) => document.documentElement.lang === tag, language.tag);
        await page.locator('#results article').first().waitFor();
        const { texts, stray } = await pageTexts(page, language.tag);
        expect(stray, `${language.code}: rule texts shown in another language`).toEqual([]);
        const quoting = quotingKorean(language.code);
        const foreign = texts
          .filter((t) => !quoting.has(t))
          .flatMap((t) => foreignLetters(t, language).map((letters) => `${letters} in "${t.slice(0, 80)}"`));
        expect(foreign, `${language.code}: text in another script`).toEqual([]);
        if (language.code !== 'ko') {
          const official = await page.locator('#results article h4 .official [lang="ko"]').count();
          expect(official, `${language.code}: Korean official names`).toBe(await page.locator('#results article h4').count());
          expect(texts.join('\n'), `${language.code}: Korean is authoritative`).toContain(
            await page.evaluate(() => document.querySelector('footer p:last-child')!.textContent!.trim()),
          );
        }
        expect(await axeViolations(page), `${language.code}: axe`).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }
});

describe.concurrent('the language of a visit', () => {
  it("a first visit opens in the browser's language; the resident's choice is remembered on the device", async ({ expect }) => {
    const { page } = await open(baseUrl, { locale: 'vi-VN' });
    await page.waitForFunction(() => document.documentElement.lang === 'vi');
    await page.locator('main:not([aria-busy])').waitFor();
    await expect(page.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'ru');
    await page.locator('main:not([aria-busy])').waitFor();
    await expect(page.getByRole('button', { name: 'Русский' }).getAttribute('aria-pressed')).resolves.toBe('true');
  });

  it('a browser in a language we do not speak opens in Korean', async ({ expect }) => {
    const { page } = await open(baseUrl, { locale: 'fr-FR' });
    await page.locator('main:not([aria-busy])').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
  });
});
