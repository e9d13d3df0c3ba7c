/**
 * The resident app in Debian Chromium at 360×740, driven like a person: by roles and labels.
 * Four personas reach their expected benefits; language switch, reload and "delete my answers"
 * keep their promises; axe finds nothing on the first step, a middle step and the results.
 * Dates are relative to today in Seoul, as the app evaluates on today.
 */
import type { Page } from 'playwright-core';
import { describe, inject, it, type ExpectStatic } from 'vitest';
import { todayInSeoul } from '../../src/lib/engine/dates';
import { plusDays, plusMonths } from '../../src/lib/engine/dates';
import { axeViolations, usePages, type OpenedPage } from './browser';
import { ruleName, waitForApp } from './check';
import { answerStep, fillHousehold, stepOf, type Persona } from './walk';

const baseUrl = inject('baseUrl');
const today = todayInSeoul();

const openTracked = usePages();

async function open(): Promise<OpenedPage> {
  const o = await openTracked(baseUrl);
  await waitForApp(o.page);
  return o;
}

/** Goes through every question the app asks until the answers summary; returns the steps seen. */
async function answerAll(
  expect: ExpectStatic,
  page: Page,
  persona: Persona,
  onStep?: (id: string, n: number) => Promise<void>,
): Promise<string[]> {
  const seen: string[] = [];
  await page.getByRole('button', { name: '다음' }).click();
  for (let n = 0; n < 60; n++) {
    const id = (await stepOf(page))!;
    if (id === 'summary') return seen;
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    seen.push(id);
    await answerStep(page, id, persona);
    await onStep?.(id, n);
    await page.getByRole('button', { name: '다음' }).click();
  }
  throw new Error(`no end to the questions: ${seen.join(', ')}`);
}

async function group(page: Page, title: string) {
  return page.getByRole('region', { name: new RegExp(`^${title}`) });
}

async function expectIn(expect: ExpectStatic, page: Page, title: string, ids: string[]) {
  const section = await group(page, title);
  for (const id of ids) await expect(section.getByRole('article', { name: ruleName(id) }).count(), `${id} in ${title}`).resolves.toBe(1);
}

function onlyOwnOrigin(expect: ExpectStatic, o: OpenedPage) {
  const foreign = o.requests.map((r) => r.url()).filter((u) => !u.startsWith(baseUrl) && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
}

const adult = (birthDate: string, pregnant: 'true' | 'false' = 'false', dueDate?: string) => ({
  role: 'adult' as const,
  birthDate,
  pregnant,
  dueDate,
});
const child = (birthDate: string) => ({ role: 'child' as const, birthDate });

// Each test in a page of its own, all at once: a walk mostly waits for the page.
describe.concurrent('personas at 360×740', () => {
  it('a pregnant woman in Seoul gets the transport allowance now, postpartum care and the voucher after the birth', async ({ expect }) => {
    const o = await open();
    const { page } = o;
    expect(await axeViolations(page)).toEqual([]);
    const persona: Persona = {
      residence: 'seoul',
      members: [adult('1994-04-10', 'true', plusDays(today, 150))],
      answers: { sex: 'female', employed: 'true', careStatus: 'none', engaged: 'false', feelsUnsafe: 'false' },
    };
    await fillHousehold(page, persona);
    await answerAll(expect, page, persona, async (_id, n) => {
      if (n === 1) expect(await axeViolations(page)).toEqual([]);
    });
    await expectIn(expect, page, '받을 수 있어요', ['pregnancy-transport']);
    await expectIn(expect, page, '곧 받을 수 있어요', ['postpartum-care', 'first-meeting-voucher']);
    const card = (await group(page, '받을 수 있어요')).getByRole('article', { name: ruleName('pregnancy-transport') });
    await expect(card.textContent()).resolves.toContain('한 번 700,000원');
    await expect(card.textContent()).resolves.toMatch(/신청 기한: .*일 남음/);
    expect(await axeViolations(page)).toEqual([]);
    expect(o.errors).toEqual([]);
    onlyOwnOrigin(expect, o);
  });

  it('a Seoul family with a preschooler and newborn twins gets postpartum care for two and the first-meeting voucher', async ({
    expect,
  }) => {
    const o = await open();
    const { page } = o;
    const born = plusDays(today, -10);
    const persona: Persona = {
      residence: 'seoul',
      members: [adult('1991-02-03'), adult('1989-07-21'), child(plusMonths(today, -50)), child(born), child(born)],
      income: '6,500,000',
      answers: {
        singleParent: 'false',
        birthRegistered: 'true',
        birthRegisteredInSeoul: 'true',
        multipleBirth: { '아이 1': 'false', '아이 2': 'true', '아이 3': 'true' },
        birthOrder: { '아이 1': '1', '아이 2': '2', '아이 3': '3' },
        sex: { '어른 1': 'female', '어른 2': 'male' },
        employed: 'true',
        childcareGap: 'true',
      },
    };
    await fillHousehold(page, persona);
    const seen = await answerAll(expect, page, persona);
    expect(seen).toContain('income');
    await expectIn(expect, page, '받을 수 있어요', ['postpartum-care', 'first-meeting-voucher', 'pregnancy-transport']);
    const postpartum = (await group(page, '받을 수 있어요')).getByRole('article', { name: ruleName('postpartum-care') });
    await expect(postpartum.textContent()).resolves.toContain('한 번 2,000,000원');
    const voucher = (await group(page, '받을 수 있어요')).getByRole('article', { name: ruleName('first-meeting-voucher') });
    await expect(voucher.textContent()).resolves.toContain('한 번 6,000,000원');
    const totals = page.getByRole('region', { name: '지금 받을 수 있는 지원' });
    await expect(totals.textContent()).resolves.toMatch(/한 번에 받는 지원\s*[\d,]+원/);
    expect(o.errors).toEqual([]);
    onlyOwnOrigin(expect, o);
  });

  it('a single parent with a low income gets the child-rearing allowance', async ({ expect }) => {
    const o = await open();
    const { page } = o;
    const persona: Persona = {
      residence: 'seoul',
      members: [adult('1990-09-09'), child(plusMonths(today, -62))],
      income: '150만',
      answers: { singleParent: 'true', sex: { '어른 1': 'female' }, employed: 'true', attendsDaycare: 'true' },
    };
    await fillHousehold(page, persona);
    await answerAll(expect, page, persona);
    await expectIn(expect, page, '받을 수 있어요', ['single-parent-child-support']);
    const card = (await group(page, '받을 수 있어요')).getByRole('article', { name: ruleName('single-parent-child-support') });
    await expect(card.textContent()).resolves.toMatch(/매달 [\d,]+원/);
    expect(o.errors).toEqual([]);
    onlyOwnOrigin(expect, o);
  });

  it('a household outside Seoul gets national benefits only, with the unmet condition for Seoul ones', async ({ expect }) => {
    const o = await open();
    const { page } = o;
    const persona: Persona = {
      residence: 'other',
      members: [adult('1992-12-12'), child(plusDays(today, -20))],
      answers: { birthRegistered: 'true', birthOrder: '1' },
    };
    await fillHousehold(page, persona);
    const seen = await answerAll(expect, page, persona);
    expect(seen).not.toContain('m:birthRegisteredInSeoul');
    await expectIn(expect, page, '받을 수 있어요', ['first-meeting-voucher']);
    const notForYou = await group(page, '해당되지 않아요');
    await notForYou.getByRole('heading', { name: /^해당되지 않아요/ }).click();
    const postpartum = notForYou.getByRole('article', { name: ruleName('postpartum-care') });
    // "Lives in Seoul" is one shared criterion with one label (rules/criteria/lives-in-seoul.json).
    await expect(postpartum.textContent()).resolves.toContain('맞지 않는 조건: 서울시에 주민등록');
    expect(o.errors).toEqual([]);
    onlyOwnOrigin(expect, o);
  });
});

describe.concurrent('answers are kept, and only on this device', () => {
  it('switching language mid-way keeps every answer and sets <html lang>', async ({ expect }) => {
    const { page } = await open();
    await fillHousehold(page, { residence: 'seoul', members: [adult('1994-04-10', 'true', plusDays(today, 100))], answers: {} });
    await page.getByRole('button', { name: '다음' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your household', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect(page.getByRole('textbox', { name: 'Date of birth (Adult 1)' }).inputValue()).resolves.toBe('1994-04-10');
    await expect(page.getByRole('textbox', { name: 'Due date (Adult 1)' }).inputValue()).resolves.toBe(plusDays(today, 100));
    expect(await page.getByRole('radio', { name: 'Seoul' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gia đình bạn', exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    await page.getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { level: 2, name: '우리 가족', exact: true }).waitFor();
    await expect(page.getByRole('textbox', { name: '생년월일 (어른 1)' }).inputValue()).resolves.toBe('1994-04-10');
  });

  it('a reload resumes the answers, the step and the language', async ({ expect }) => {
    const { page } = await open();
    await fillHousehold(page, { residence: 'seoul', members: [adult('1988-01-30')], answers: {} });
    await page.getByRole('button', { name: '다음' }).click();
    const id = await stepOf(page);
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.reload();
    await page.locator(`[data-step="${id}"]`).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await page.getByRole('button', { name: '上一步' }).click();
    await expect(page.getByRole('textbox', { name: '出生日期 (成人 1)' }).inputValue()).resolves.toBe('1988-01-30');
  });

  it('"delete my answers" leaves nothing in storage', async ({ expect }) => {
    const { page } = await open();
    await fillHousehold(page, { residence: 'seoul', members: [adult('1988-01-30')], answers: {} });
    expect(await page.evaluate(() => localStorage.length)).toBe(1);
    await page.getByRole('button', { name: '내 답변 삭제' }).click();
    await page.getByRole('button', { name: '모두 지우기' }).click();
    await page.getByText('답변을 모두 지웠어요').waitFor();
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0]);
    await page.reload();
    await waitForApp(page);
    await expect(page.getByRole('textbox', { name: '생년월일 (어른 1)' }).inputValue()).resolves.toBe('');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('nothing personal in the URL or the title', async ({ expect }) => {
    const { page } = await open();
    await fillHousehold(page, { residence: 'seoul', members: [adult('1988-01-30')], answers: {} });
    await page.getByRole('button', { name: '다음' }).click();
    expect(page.url()).not.toContain('1988');
    expect(await page.title()).toBe('서울 가족 혜택 찾기');
  });
});
