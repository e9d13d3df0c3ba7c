/**
 * The results bar on a phone: it sticks to the bottom of the screen while the questions are shown,
 * says how many benefits and their total, and leads to the results — without ever covering the
 * field that has focus (WCAG 2.4.11), at 360 px, 320 px and at 200% zoom (1280×800 seen as
 * 640×400), with nothing for axe to find.
 */
import type { Page } from 'playwright-core';
import { describe, inject, it } from 'vitest';
import { axeViolations, usePages } from './browser';
import { waitForApp } from './check';
import { fillHousehold, type Persona } from './walk';

const baseUrl = inject('baseUrl');
const open = usePages();

const household: Persona = {
  residence: 'seoul',
  members: [
    { role: 'adult', birthDate: '1990-05-05', pregnant: 'false' },
    { role: 'adult', birthDate: '1991-06-06', pregnant: 'false' },
    { role: 'child', birthDate: '2025-01-10' },
  ],
  answers: {},
};

/** Whether the focused element is clear of the bar (or is in it), and whether it is in the footer (the last stops). */
function focusClear(page: Page) {
  return page.evaluate(async () => {
    // Once any (smooth) scrolling has settled.
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let y = -1, same = 0; same < 5;) {
      await frame();
      same = scrollY === y ? same + 1 : 0;
      y = scrollY;
    }
    const focused = document.activeElement;
    const bar = document.querySelector('[data-root="live"]');
    const inFooter = focused?.closest('footer') !== null;
    if (!focused || !bar || focused === document.body || bar.contains(focused)) return { clear: true, what: '', inFooter };
    const f = focused.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    const clear = f.bottom <= b.top + 0.5 || f.top >= b.bottom - 0.5 || f.height === 0;
    return {
      clear,
      what: `${focused.tagName}#${focused.id} ${Math.round(f.top)}–${Math.round(f.bottom)} under ${Math.round(b.top)}`,
      inFooter,
    };
  });
}

/** Tabs through the whole page, checking every stop. */
async function tabThrough(page: Page): Promise<string[]> {
  const hidden: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const { clear, what, inFooter } = await focusClear(page);
    if (!clear) hidden.push(what);
    if (inFooter) break;
  }
  return hidden;
}

describe('the results bar', () => {
  // Each walk mostly waits for frames (scrolling to settle), so the sizes run at once, each in pages
  // of its own, and each size walks its two steps in two pages at once.
  // Smooth scrolling at 360 px, as most phones have it; the others without (each stop settles at once).
  for (const [label, width, height, reducedMotion] of [
    ['360 px', 360, 740, undefined],
    ['320 px', 320, 568, 'reduce'],
    ['200% zoom', 640, 400, 'reduce'],
  ] as const) {
    it.concurrent(
      `at ${label}: leads to the results, covers no focused field, and does not make the page scroll sideways`,
      async ({ expect }) => {
        const withHousehold = async () => {
          const opened = await open(baseUrl, { width, height, reducedMotion });
          await waitForApp(opened.page);
          await fillHousehold(opened.page, household);
          const bar = opened.page.getByRole('button', { name: /^\d+개 혜택 · 합계 .* 결과 보기$/ });
          await bar.waitFor();
          return { ...opened, bar };
        };
        const householdStep = async () => {
          const { page, errors } = await withHousehold();
          expect(await tabThrough(page)).toEqual([]);
          expect(errors).toEqual([]);
        };
        const questionStep = async () => {
          const { page, errors, bar } = await withHousehold();
          await page.getByRole('button', { name: '다음' }).click();
          await page.locator('form:not([data-step="household"])').waitFor();
          expect(await tabThrough(page)).toEqual([]);
          expect(await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)).toBeLessThanOrEqual(0);
          await bar.click();
          await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
          expect(await axeViolations(page)).toEqual([]);
          expect(errors).toEqual([]);
        };
        await Promise.all([householdStep(), questionStep()]);
      },
    );
  }
});
