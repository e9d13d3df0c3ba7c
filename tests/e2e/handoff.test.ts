/**
 * Issue 17 in Chromium: a resident's deadlines download as one .ics file made in the page (read by
 * ical.js: one all-day event per deadline, on the dates the engine gives), and the QR code her
 * results page draws, photographed (a screenshot of it, no camera), is read in staff mode into the
 * same household and the same results. Nothing of it is requested from anywhere. A benefit marked
 * "already receiving" leaves the totals, and stays so after a reload.
 */
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { shippedRuleSet } from '../../src/build/rules/plugin';
import { allDeadlines } from '../../src/lib/calendar';
import { eventUid } from '../../src/lib/calendar/ics';
import { evaluate } from '../../src/lib/engine';
import { todayInSeoul } from '../../src/lib/engine/dates';
import { decodeHousehold } from '../../src/lib/handoff/code';
import { axeViolations, downloaded, usePages } from './browser';
import { answerQuestions, expectResults, fillHousehold, ruleName, waitForApp } from './check';

const baseUrl = inject('baseUrl');
const openTracked = usePages();

/** Every result group's cards, and the totals, as the page shows them. */
const shownResults = (page: Page) =>
  page.evaluate(() => ({
    groups: [...document.querySelectorAll('section.group')].map((g) => [
      g.getAttribute('aria-labelledby'),
      [...g.querySelectorAll('article')].map((a) => a.getAttribute('aria-label')),
    ]),
    totals: document.querySelector('.totals')?.textContent?.replace(/\s+/g, ' ').trim() ?? null,
  }));

// Each test in a page of its own, all at once: they mostly wait for the page.
describe.concurrent('from the results to the calendar and the counter', () => {
  it('saves every deadline as an .ics file, and a photo of the QR code fills staff mode with the same household and results', async ({
    expect,
  }) => {
    const resident = await openTracked(baseUrl);
    const { page } = resident;
    await waitForApp(page);
    await fillHousehold(page);
    await answerQuestions(page);
    await expectResults(page, expect);
    const results = page.locator('.answer');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      results.getByRole('button', { name: '모든 신청 기한을 캘린더에 추가' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('seoul-benefits-deadlines.ics');
    expect(download.url()).toMatch(/^blob:/);
    const ics = (await downloaded(download)).toString('utf8');

    await results.getByRole('button', { name: '동주민센터에서 보여주기' }).click();
    const symbol = results.getByRole('img', { name: '답변이 담긴 QR 코드' });
    await symbol.waitFor();
    await results.getByText('코드를 글자로 보기').click();
    const code = await results.getByRole('textbox', { name: '답변이 담긴 코드' }).inputValue();
    expect(code).toMatch(/^SBC1\./);
    expect(await axeViolations(page)).toEqual([]);
    const photo = await symbol.screenshot();
    const before = await shownResults(page);

    // The household in the code is the one the page evaluated: its deadlines are the file's events.
    const today = todayInSeoul();
    const decoded = await decodeHousehold(code, today);
    if (!decoded.ok) throw new Error(`code not read: ${decoded.problem}`);
    const evaluation = evaluate(decoded.household, { ...shippedRuleSet(), asOf: today });
    const deadlines = allDeadlines(
      evaluation.results.filter((r) => !r.replacedBy),
      today,
    );
    expect(deadlines.length).toBeGreaterThan(0);
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate]).sort()).toEqual(
      deadlines.map((d) => [eventUid(d), d.date, true]).sort(),
    );

    const staff = await openTracked(`${baseUrl}#/staff`, { width: 1366, height: 900 });
    await staff.page.getByRole('heading', { level: 1, name: '동주민센터 상담 화면' }).waitFor();
    await staff.page.getByRole('button', { name: 'QR로 불러오기' }).click();
    await staff.page.getByLabel('사진에서 읽기').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: photo });
    await staff.page.getByText(/QR 코드에서 답변을 불러왔어요/).waitFor();
    await staff.page.locator('.answer article, section.group article').first().waitFor();
    expect(await shownResults(staff.page)).toEqual(before);
    expect(await axeViolations(staff.page)).toEqual([]);

    // "Next applicant" wipes what the code brought.
    await staff.page.keyboard.press('Alt+N');
    await staff.page.getByText(/QR 코드에서 답변을 불러왔어요/).waitFor({ state: 'detached' });
    expect((await shownResults(staff.page)).groups).toEqual([]);

    for (const o of [resident, staff]) {
      expect(o.requests.map((r) => r.url()).filter((u) => !u.startsWith(new URL(baseUrl).origin))).toEqual([]);
      expect(o.errors).toEqual([]);
    }
  });

  it('what if a baby is born shows the difference in money; a benefit marked "already receiving" leaves the totals, also after a reload', async ({
    expect,
  }) => {
    const { page, errors } = await openTracked(baseUrl);
    await waitForApp(page);
    await fillHousehold(page);
    await answerQuestions(page);
    await expectResults(page, expect);
    const whatIf = page.getByRole('region', { name: '이렇게 되면 얼마나 달라질까요?' });
    await whatIf.getByRole('radio', { name: '아이가 한 명 더 태어나면' }).check();
    const once = whatIf.getByRole('row', { name: /^한 번에 받는 지원/ });
    await once.waitFor();
    // A second child brings more one-off money (첫만남이용권 among others).
    expect(await once.getByRole('cell').last().innerText()).toMatch(/^\+[\d,]+원$/);
    expect(await axeViolations(page)).toEqual([]);

    const totals = () => page.getByRole('region', { name: '지금 받을 수 있는 지원' }).innerText();
    const before = await totals();
    const name = ruleName('parent-allowance');
    const eligible = page.getByRole('region', { name: /^받을 수 있어요/ });
    await eligible
      .getByRole('article', { name })
      .getByRole('checkbox', { name: /^이미 받고 있어요/ })
      .click();
    const received = page.getByRole('region', { name: /^이미 받고 있는 혜택/ });
    await received.getByRole('article', { name }).waitFor();
    const after = await totals();
    expect(after).not.toBe(before);

    await page.reload();
    await expectResults(page, expect);
    await received.getByRole('article', { name }).waitFor();
    expect(await received.getByRole('checkbox', { name: /^이미 받고 있어요/ }).isChecked()).toBe(true);
    expect(await eligible.getByRole('article', { name }).count()).toBe(0);
    expect(await totals()).toBe(after);
    expect(errors).toEqual([]);
  });
});
