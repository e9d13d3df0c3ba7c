/**
 * The built app against what a device may hold (src/lib/questionnaire/restore.ts, startup/startApp.ts,
 * storage/): hostile saved answers never leave the page hidden or blank — it shows, works, and tells
 * the resident what it deleted; a full storage is told where the privacy note is; a second tab
 * follows the first instead of overwriting it.
 */
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { describe, inject, it, type ExpectStatic } from 'vitest';
import en from '../../src/lib/i18n/locales/en.json';
import ko from '../../src/lib/i18n/locales/ko.json';
import vi from '../../src/lib/i18n/locales/vi.json';
import zh from '../../src/lib/i18n/locales/zh.json';
import { STORAGE_KEY } from '../../src/lib/storage';
import { runs } from '../fuzz';
import { hostileText, savedText } from '../savedStates';
import { axeViolations, usePages } from './browser';
import { waitForApp } from './check';

const baseUrl = inject('baseUrl');
const openTracked = usePages();

const RESTORE_FAILED = '이 기기에 저장된 답변을 읽을 수 없어서 지웠어요. 처음부터 다시 입력해 주세요.';
/** The same notice in every language: a restored state may have chosen any. */
const restoreFailedText = new RegExp([ko, en, zh, vi].map((m) => m.storage.restoreFailed.replace(/[.()]/g, '\\$&')).join('|'));

const saved = (form: unknown) => JSON.stringify({ form, locale: null });
const form = (members: { id: string; role: string; birthDate: string }[], extra: object = {}) => ({
  v: 1,
  raw: { residence: 'seoul' },
  incomeMode: '',
  members: members.map(({ id, role, birthDate }) => ({ id, role, raw: { birthDate } })),
  visited: [],
  cursor: 0,
  ...extra,
});
const adult = { id: 'm1', role: 'adult', birthDate: '1990-01-01' };
const child = (id: string) => ({ id, role: 'child', birthDate: '2020-01-01' });

/** Loads the app with `text` saved on this device (none: the storage as it is). */
async function loadWith(expect: ExpectStatic, page: Page, text?: string) {
  if (text !== undefined) await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, text]);
  await page.reload();
  // Revealed: the start-up script's mark for a returning resident is gone and the app takes space.
  await page.locator('html:not([data-resume])').waitFor({ state: 'attached' });
  await page.locator('main:not([aria-busy])').waitFor();
  expect(await page.locator('#app').isVisible()).toBe(true);
  expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
  expect(await page.locator('#step-heading').innerText()).not.toBe('');
}

/**
 * Usable: back to the household step, where "add a child" adds one whose birth date can be typed.
 * Found by structure, not words: a restored state may have chosen any language.
 */
async function addChild(expect: ExpectStatic, page: Page) {
  const household = page.locator('[data-step="household"]');
  for (let n = 0; n < 12 && !(await household.isVisible()); n++) await page.locator('form .nav button.btn-secondary').click();
  const birthDates = household.locator('input[id$="-birthDate"]');
  const before = await birthDates.count();
  await household.locator('.add button').nth(1).click();
  await birthDates.nth(before).fill('2021-02-03');
  expect(await birthDates.count()).toBe(before + 1);
}

// Each test in a page of its own, all at once: they mostly wait for the page.
describe.concurrent('saved answers the app could not have written', () => {
  it('each named attack: the page shows, works, and says the answers were deleted', async ({ expect }) => {
    const { page, errors } = await openTracked(baseUrl);
    await waitForApp(page);
    const attacks = [
      saved(form([adult, { ...child('m1') }])),
      saved(form([adult])).replace('"raw":{', '"raw":{"__proto__":"x",'),
      saved(form([adult])).replace('"raw":{', '"raw":{"constructor":"x",'),
      saved(form([adult], { visited: [{ step: 'm:constructor', members: ['m1'] }], cursor: 1 })),
      saved(form([adult], { visited: [{ step: 'h:toString', members: [] }], cursor: 1 })),
      saved(form(Array.from({ length: 31 }, (_, i) => ({ ...adult, id: `m${i + 1}` })))),
      '{"form":',
    ];
    for (const text of attacks) {
      await loadWith(expect, page, text);
      await page.getByRole('alert').filter({ hasText: RESTORE_FAILED }).waitFor();
      expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
      await addChild(expect, page);
    }
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('members m1 and m3 saved without nextId: "아이 추가" makes a third member, and the page comes back after a reload', async ({
    expect,
  }) => {
    const { page, errors } = await openTracked(baseUrl);
    await waitForApp(page);
    await loadWith(expect, page, saved(form([adult, child('m3')])));
    expect(await page.getByRole('alert').count()).toBe(0);
    await addChild(expect, page);
    const ids = await page.evaluate(
      (key) => JSON.parse(localStorage.getItem(key)!).form.members.map((m: { id: string }) => m.id),
      STORAGE_KEY,
    );
    expect(ids).toEqual(['m1', 'm3', 'm4']);
    await loadWith(expect, page);
    expect(await page.getByRole('textbox', { name: /^생년월일 \(아이 \d+\)$/ }).count()).toBe(2);
    expect(errors).toEqual([]);
  });

  it('fuzzed saved states: never a hidden or blank page', async ({ expect }) => {
    const { page, errors } = await openTracked(baseUrl);
    await waitForApp(page);
    const texts = fc.sample(fc.oneof(savedText, hostileText), runs(16));
    for (const text of texts) {
      await loadWith(expect, page, text);
      const refused = await page.getByRole('alert').filter({ hasText: restoreFailedText }).count();
      const stored = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
      expect({ text, refused, stored: refused === 1 ? stored === null : stored === text }).toEqual({ text, refused, stored: true });
      await addChild(expect, page);
    }
    expect(errors).toEqual([]);
  });
});

describe.concurrent('where answers are kept', () => {
  it('a full storage is told in place of the privacy note, which no longer says the answers are kept', async ({ expect }) => {
    const { page } = await openTracked(baseUrl, {
      initScript: () => {
        Storage.prototype.setItem = () => {
          throw new DOMException('full', 'QuotaExceededError');
        };
      },
    });
    await waitForApp(page);
    const banner = page.getByRole('banner');
    expect(await banner.innerText()).toContain('답변은 이 기기에만 저장되고');
    await page.getByRole('radio', { name: '서울특별시' }).check();
    await banner.getByText(/답변을 이 기기에 저장하지 못했어요/).waitFor();
    expect(await banner.innerText()).not.toContain('답변은 이 기기에만 저장되고');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a second tab takes over the answers given in the first, instead of overwriting them', async ({ expect }) => {
    const { page: first, context } = await openTracked(baseUrl);
    await waitForApp(first);
    const second = await context.newPage();
    await second.goto(baseUrl);
    await waitForApp(second);
    await first.getByRole('radio', { name: '서울특별시' }).check();
    await first.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill('1987-03-14');
    await second.getByRole('alert').filter({ hasText: '다른 창에서 바꾼 답변을 불러왔어요.' }).waitFor();
    await expect(second.getByRole('textbox', { name: '생년월일 (어른 1)' }).inputValue()).resolves.toBe('1987-03-14');
    // The second tab's next change builds on the first's answers.
    await second.getByRole('button', { name: '아이 추가' }).click();
    const stored = await first.evaluate((key) => JSON.parse(localStorage.getItem(key)!).form, STORAGE_KEY);
    expect(stored.members.map((m: { raw: { birthDate?: string } }) => m.raw.birthDate ?? '')).toEqual(['1987-03-14', '']);
    expect(stored.raw.residence).toBe('seoul');
  });
});
