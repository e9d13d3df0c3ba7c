/**
 * A short resident check driven by labels, shared by the offline, CSP and privacy tests: a Seoul
 * parent and a baby, through every question the app asks (the income as a monthly amount, "I don't
 * know" elsewhere), to results.
 */
import { readFileSync } from 'node:fs';
import { expect, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { plusMonths, todayInSeoul } from '../../src/lib/engine/dates';

/** Distinctive answers, so that any copy of them elsewhere (a URL, a request, the console) is found. */
export const ANSWERS = { parentBirth: '1987-03-14', childBirth: plusMonths(todayInSeoul(), -5), income: '3,217,000' };

/** Every form in which an answer could leak: as typed, without separators, as digits only. */
export const ANSWER_TRACES = [ANSWERS.parentBirth, ANSWERS.childBirth, ANSWERS.income].flatMap((v) => [v, v.replace(/[-,]/g, '')]);

export async function waitForApp(page: Page) {
  await page.getByRole('heading', { level: 2, name: '우리 가족', exact: true }).waitFor();
  // The heading is in the prerendered HTML: the app works once hydration has cleared aria-busy,
  // and every step can be reached once the rules have arrived.
  await page.locator('main:not([aria-busy])').waitFor();
  await page.locator('form[data-rules="ready"]').waitFor();
}

/** To English and back to Korean, which loads a lazily fetched locale on the way. */
export async function switchToEnglishAndBack(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 2, name: 'Your household' }).waitFor();
  await page.getByRole('button', { name: '한국어' }).click();
  await waitForApp(page);
}

export async function fillHousehold(page: Page) {
  await page.getByRole('radio', { name: '서울특별시' }).check();
  await page.getByRole('textbox', { name: '생년월일 (어른 1)' }).fill(ANSWERS.parentBirth);
  await page.getByRole('group', { name: '지금 임신 중인가요? (어른 1)' }).getByRole('radio', { name: '아니요' }).check();
  await page.getByRole('button', { name: '아이 추가' }).click();
  await page.getByRole('textbox', { name: '생년월일 (아이 1)' }).fill(ANSWERS.childBirth);
}

/** Answers every question step until the summary; `onStep` runs on each step once it is answered. */
export async function answerQuestions(page: Page, onStep?: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const form = page.locator('form');
  await page.getByRole('button', { name: '다음' }).click();
  for (let n = 0; n < 60; n++) {
    const step = await page.locator('[data-step]').getAttribute('data-step');
    if (step === 'summary') return seen;
    seen.push(step!);
    if (step === 'income') {
      await form.getByRole('radio', { name: '한 달 금액으로 입력' }).check();
      await form.getByRole('textbox', { name: '가구의 월 소득인정액' }).fill(ANSWERS.income);
    } else {
      const unknown = form.getByRole('radio', { name: '잘 모르겠어요', exact: true });
      for (let i = 0; i < (await unknown.count()); i++) await unknown.nth(i).check();
    }
    await onStep?.();
    await page.getByRole('button', { name: '다음' }).click();
  }
  throw new Error(`no end to the questions: ${seen.join(', ')}`);
}

/** The results show at least one benefit the household can get. A test run side by side with others passes its own `expect`. */
export async function expectResults(page: Page, check: ExpectStatic = expect) {
  const eligible = page.getByRole('region', { name: /^받을 수 있어요/ }).getByRole('article');
  await eligible.first().waitFor();
  check(await eligible.count()).toBeGreaterThan(0);
}

/** A benefit's Korean name, as its rule file gives it. */
export const ruleName = (id: string): string =>
  (JSON.parse(readFileSync(`rules/${id}.json`, 'utf8')) as { names: { ko: string } }).names.ko;
