/**
 * The households of issue 11, walked through the resident app in Chromium at 360×740 on a fixed
 * day (2026-12-01, the page's clock stands still), answering every question the app asks and
 * nothing else: each lands on its results with the exact per-member outcomes and totals the rule
 * files give for that day, and the walk costs no more taps and screens than the issue measured on
 * the old flow. Expected figures come from the rule files' parameters for 2026 (see each case).
 */
import type { Locator, Page } from 'playwright-core';
import { describe, inject, it, type ExpectStatic } from 'vitest';
import { axeViolations, usePages } from './browser';
import { ruleName, waitForApp } from './check';
import { walkPersona, type Persona } from './walk';

const baseUrl = inject('baseUrl');
/** Morning in Seoul on the day the issue was checked. */
const NOW = '2026-12-01T10:00:00+09:00';
const open = usePages();

interface Expected {
  /** Every benefit in "받을 수 있어요", by id. */
  eligible: string[];
  /** Benefits in "곧 받을 수 있어요" (among others). */
  upcoming: string[];
  /** Benefits that must not be offered as receivable now. */
  notNow: string[];
  /** Each member's outcome line ("아이 1 받을 수 있어요 매달 100,000원"), by benefit id. */
  members: Record<string, string[]>;
  /** Benefits shown with the one paid instead ("대신 받는 혜택: …"), by id. */
  instead?: Record<string, string>;
  /** The totals section, row by row. */
  totals: string[];
  /** The sticky bar. */
  bar: string;
  /** Screens the issue counted on the old flow: the walk may not take more. */
  before: number;
}

const region = (page: Page, title: string) => page.getByRole('region', { name: new RegExp(`^${title}`) });
const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

async function namesIn(section: Locator): Promise<string[]> {
  return (await section.getByRole('article').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''))).sort();
}

async function memberLines(card: Locator): Promise<string[]> {
  return card.locator('.members li').evaluateAll((items) =>
    items.map((li) =>
      ['.who', '.status', '.amount']
        .map((s) => li.querySelector(s)?.textContent?.trim())
        .filter(Boolean)
        .join(' '),
    ),
  );
}

async function checkPersona(expect: ExpectStatic, persona: Persona, expected: Expected) {
  const { page, errors } = await open(baseUrl, { now: NOW });
  await waitForApp(page);
  const walk = await walkPersona(page, persona);
  // The last "다음" lands on the results: their heading has focus (and is read out).
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-heading');
  // …and is on screen once the page has stopped scrolling.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          const at = () => document.getElementById('results-heading')!.getBoundingClientRect().top;
          const before = at();
          await new Promise((resolve) => setTimeout(resolve, 500));
          return before === at() && at() > -1 && at() < innerHeight;
        }),
      { timeout: 60_000 },
    )
    .toBe(true);
  const eligible = region(page, '받을 수 있어요');
  expect(await namesIn(eligible)).toEqual(expected.eligible.map(ruleName).sort());
  const upcoming = await namesIn(region(page, '곧 받을 수 있어요'));
  for (const id of expected.upcoming) expect(upcoming, id).toContain(ruleName(id));
  for (const id of expected.notNow) expect(await namesIn(eligible), id).not.toContain(ruleName(id));
  for (const [id, lines] of Object.entries(expected.members)) {
    const card = page.getByRole('article', { name: ruleName(id), exact: true });
    expect(await memberLines(card), id).toEqual(lines);
  }
  for (const [id, other] of Object.entries(expected.instead ?? {})) {
    const card = page.getByRole('article', { name: ruleName(id), exact: true });
    await expect(card.textContent()).resolves.toContain(`대신 받는 혜택: ${ruleName(other)}`);
  }
  const totals = page.getByRole('region', { name: '지금 받을 수 있는 지원' });
  const rows = await totals.locator('dl > div').evaluateAll((divs) => divs.map((d) => d.textContent ?? ''));
  expect(rows.map(squash)).toEqual(expected.totals);
  await expect(page.getByRole('button', { name: `${expected.bar} 결과 보기`, exact: true }).count()).resolves.toBe(1);
  expect(walk.screens).toBeLessThanOrEqual(expected.before);
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  return walk;
}

// Each household in a page of its own, all at once: a walk mostly waits for the page.
describe.concurrent('issue 11 households on 2026-12-01, at 360×740', () => {
  it('a pregnant woman at 22 weeks, 2 persons, 4,000,000원: no egg-freezing money, the first-meeting voucher settled by birth order', async ({
    expect,
  }) => {
    const persona: Persona = {
      strict: true,
      residence: 'seoul',
      members: [
        // 2027-04-06 is 126 days (18 weeks) away: week 22 of 40.
        { role: 'adult', birthDate: '1994-04-10', pregnant: 'true', dueDate: '2027-04-06' },
        { role: 'adult', birthDate: '1992-08-20', pregnant: 'false' },
      ],
      income: '400만',
      answers: {
        sex: { '어른 2': 'male' },
        uninsuredSelfEmployed: 'false',
        basicLivelihood: 'false',
        singleParent: 'false',
        ownsHome: 'true',
        expectedBirthOrder: '1',
        employed: 'true',
        feelsUnsafe: 'false',
        engaged: 'false',
      },
    };
    await checkPersona(expect, persona, {
      // 임산부 교통비 700,000 (Seoul, week ≥ 12); 임신·출산 진료비 1,000,000 for one baby; 가사서비스
      // 700,000 a year (pregnant from week 12, 4,000,000 is ~102% of the 2026 two-person median ≤ 180%).
      eligible: ['pregnancy-transport', 'pregnancy-medical-voucher', 'housekeeping-service'],
      // From the birth: 부모급여 1,000,000 a month, 아동수당 100,000, 첫만남 2,000,000 (a first child),
      // 산후조리경비 1,000,000, 엄마아빠택시 100,000 a year.
      upcoming: ['parent-allowance', 'child-allowance', 'first-meeting-voucher', 'postpartum-care', 'parents-taxi'],
      // Not while pregnant (egg freezing), not at 32 (35세 이상 임산부), not owning nothing (주거비).
      notNow: ['egg-freezing', 'older-pregnancy-medical', 'birth-housing-cost'],
      members: {
        'pregnancy-transport': ['어른 1 받을 수 있어요 한 번 700,000원', '어른 2 해당되지 않아요'],
      },
      totals: ['한 번에 받는 지원 1,700,000원', '매달 받는 지원 0원', '매년 받는 지원 700,000원'],
      bar: '3개 혜택 · 합계 한 번 1,700,000원 + 매년 700,000원',
      before: 26,
    });
  });

  it('newborn twins (21 days) and a 4-year-old at home: 가정양육수당 now for the 4-year-old, soon for the twins', async ({ expect }) => {
    const persona: Persona = {
      strict: true,
      residence: 'seoul',
      members: [
        { role: 'adult', birthDate: '1993-03-03', pregnant: 'false' },
        { role: 'adult', birthDate: '1991-05-05', pregnant: 'false' },
        { role: 'child', birthDate: '2022-06-15' },
        { role: 'child', birthDate: '2026-11-10' },
        { role: 'child', birthDate: '2026-11-10' },
      ],
      income: '500만',
      answers: {
        sex: { '어른 1': 'female', '어른 2': 'male', '아이 1': 'male', '아이 2': 'female', '아이 3': 'female' },
        attendsDaycare: 'false',
        childcareGap: 'true',
        childcareServiceIncomeType: 'none',
        childMealRisk: 'false',
        childCarer: 'none',
        needsAfterSchoolCare: 'false',
        careStatus: 'none',
        koreanNational: 'true',
        uninsuredSelfEmployed: 'false',
        basicLivelihood: 'false',
        singleParent: 'false',
        ownsHome: 'true',
        birthRegistered: 'true',
        birthRegisteredInSeoul: 'true',
        multipleBirth: { '아이 2': 'true', '아이 3': 'true' },
        birthOrder: { '아이 1': '1', '아이 2': '2', '아이 3': '3' },
        employed: 'true',
        married: 'true',
        feelsUnsafe: 'false',
        engaged: 'false',
        monthsLivingInSeoul: '60',
        infertilityTreatment: 'false',
      },
    };
    await checkPersona(expect, persona, {
      eligible: [
        'postpartum-care',
        'pregnancy-transport',
        'first-meeting-voucher',
        'child-allowance',
        'egg-freezing',
        'home-care-allowance',
        'housekeeping-service',
        'parent-allowance',
        'parents-taxi',
      ],
      upcoming: [],
      notNow: ['daycare-fee', 'second-birth-childcare'],
      members: {
        // 24–85 months at home: 100,000 now for the 4-year-old (53 months); the twins from 24 months,
        // 부모급여 until then (1,000,000 each at 0–11 months in 2026).
        'home-care-allowance': [
          '아이 1 받을 수 있어요 매달 100,000원',
          '아이 2 곧 받을 수 있어요 매달 100,000원',
          '아이 3 곧 받을 수 있어요 매달 100,000원',
        ],
        'parent-allowance': ['아이 1 해당되지 않아요', '아이 2 받을 수 있어요 매달 1,000,000원', '아이 3 받을 수 있어요 매달 1,000,000원'],
        // 산후조리경비 1,000,000 per baby; 첫만남 3,000,000 for a second and a third child.
        'postpartum-care': ['아이 1 해당되지 않아요', '아이 2 받을 수 있어요 한 번 1,000,000원', '아이 3 받을 수 있어요 한 번 1,000,000원'],
        'first-meeting-voucher': [
          '아이 1 해당되지 않아요',
          '아이 2 받을 수 있어요 한 번 3,000,000원',
          '아이 3 받을 수 있어요 한 번 3,000,000원',
        ],
        'parents-taxi': ['아이 1 해당되지 않아요', '아이 2 받을 수 있어요 매년 100,000원', '아이 3 받을 수 있어요 매년 100,000원'],
      },
      // Once: 2,000,000 + 700,000 (the mother, within 3 months of the birth) + 6,000,000. A month:
      // 아동수당 3 × 100,000 (under 9 in 2026) + 100,000 + 2,000,000. A year: 가사서비스 700,000 (a
      // baby under 1) + taxi 200,000. 난자동결 is a ceiling (the mother is 33, not pregnant), apart.
      totals: [
        '한 번에 받는 지원 8,700,000원',
        '매달 받는 지원 2,400,000원',
        '매년 받는 지원 900,000원',
        '최대 지원 (실제 쓴 비용만큼) 최대 2,000,000원',
      ],
      bar: '9개 혜택 · 합계 한 번 8,700,000원 + 매달 2,400,000원 + 매년 900,000원 + 최대 2,000,000원',
      before: 52,
    });
  });

  it('a single mother aged 23 with a 2-year-old, 1,500,000원: one 아동양육비 (the youth rate), not two', async ({ expect }) => {
    const persona: Persona = {
      strict: true,
      residence: 'seoul',
      members: [
        { role: 'adult', birthDate: '2003-05-20', pregnant: 'false' },
        { role: 'child', birthDate: '2024-09-01' },
      ],
      income: '150만',
      answers: {
        singleParent: 'true',
        childcareGap: 'false',
        sex: { '어른 1': 'female', '아이 1': 'female' },
        attendsDaycare: 'true',
        careStatus: 'none',
        koreanNational: 'true',
        childMealRisk: 'false',
        childSupport: 'paid',
        needsAfterSchoolCare: 'false',
        feelsUnsafe: 'false',
        engaged: 'false',
        monthsLivingInSeoul: '60',
        amhLevel: '',
        ovarianConditionDiagnosed: 'false',
        infertilityTreatment: 'false',
        uninsuredSelfEmployed: 'false',
        basicLivelihood: 'false',
        ownsHome: 'false',
        employed: 'true',
        married: 'false',
      },
    };
    await checkPersona(expect, persona, {
      // 1,500,000 is ~38% of the 2026 two-person median: 청소년 한부모 (≤ 65%, parent ≤ 24) 370,000 for a
      // child of 2 + 자립촉진수당 100,000, instead of the general 230,000; 서울형 청소년 한부모 200,000
      // (no self-reliance part at ≤ 65%); 아동수당 100,000; 보육료 1세반 up to 500,000.
      eligible: [
        'child-allowance',
        'daycare-fee',
        'seoul-youth-single-parent-support',
        'single-parent-child-support',
        'youth-single-parent-support',
      ],
      upcoming: [],
      notNow: [],
      members: {},
      instead: { 'single-parent-child-support': 'youth-single-parent-support' },
      totals: ['한 번에 받는 지원 0원', '매달 받는 지원 770,000원', '최대 지원 (실제 쓴 비용만큼) 매달 최대 500,000원'],
      bar: '4개 혜택 · 합계 매달 770,000원 + 매달 최대 500,000원',
      before: 33,
    });
  });

  it('a family outside Seoul with a baby of 20 days: national benefits only', async ({ expect }) => {
    const persona: Persona = {
      strict: true,
      residence: 'other',
      members: [
        { role: 'adult', birthDate: '1992-12-12', pregnant: 'false' },
        { role: 'child', birthDate: '2026-11-11' },
      ],
      income: '350만',
      answers: {
        singleParent: 'false',
        worksOrStudiesInSeoul: 'false',
        basicLivelihood: 'false',
        childcareGap: 'false',
        childMealRisk: 'false',
        sex: 'female',
        birthRegistered: 'true',
        birthOrder: '1',
        attendsDaycare: 'false',
        needsAfterSchoolCare: 'false',
        careStatus: 'none',
        feelsUnsafe: 'false',
        engaged: 'false',
      },
    };
    await checkPersona(expect, persona, {
      // 첫만남 2,000,000 (a first child), 부모급여 1,000,000 and 아동수당 100,000 a month; Seoul's own
      // benefits are not offered; 가정양육수당 from 24 months.
      eligible: ['first-meeting-voucher', 'child-allowance', 'parent-allowance'],
      upcoming: ['home-care-allowance'],
      notNow: ['postpartum-care', 'parents-taxi', 'pregnancy-transport'],
      members: {},
      totals: ['한 번에 받는 지원 2,000,000원', '매달 받는 지원 1,100,000원'],
      bar: '3개 혜택 · 합계 한 번 2,000,000원 + 매달 1,100,000원',
      before: 13,
    });
  });
});
