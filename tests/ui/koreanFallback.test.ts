/**
 * While a language's rule texts have not arrived (src/lib/rules/texts.ts), the results show the
 * authoritative Korean: every such text must sit in an element marked lang="ko", so screen readers
 * switch voice (WCAG 3.1.2), never in one that claims the page's language. The real rules, Korean
 * only, on an English results page.
 */
import { fireEvent, render } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../../src/build/rules/plugin';
import { plusDays, plusMonths, todayInSeoul } from '../../src/lib/engine/dates';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import Results from '../../src/lib/results/Results.svelte';
import { eachText } from '../../src/lib/rules/walk';
import { noStore } from '../../src/lib/storage';
import { QUOTES_KOREAN } from '../scripts';
import { lookup, MESSAGES, startI18n } from './helpers';

const today = todayInSeoul();
const { rules, parameters } = shippedRuleSet();
const koreanOnly = structuredClone(rules);
eachText(koreanOnly, (text) => {
  for (const code of Object.keys(text)) if (code !== 'ko') delete text[code];
});

type Answers = Record<string, string>;
const PERSONAS: Record<string, { household: Answers; members: ['adult' | 'child', Answers][]; incomeMode?: 'amount' }> = {
  'pregnant in Seoul': {
    household: { residence: 'seoul', monthlyIncome: '4200000' },
    members: [
      ['adult', { birthDate: '1993-05-02', sex: 'female', pregnant: 'true', dueDate: plusDays(today, 90) }],
      ['adult', { birthDate: '1991-11-20', sex: 'male', pregnant: 'false' }],
    ],
    incomeMode: 'amount',
  },
  'newborn twins': {
    household: { residence: 'seoul' },
    members: [
      ['adult', { birthDate: '1990-03-01', sex: 'female', pregnant: 'false' }],
      ['child', { birthDate: plusMonths(today, -48) }],
      ['child', { birthDate: plusDays(today, -10), birthRegisteredInSeoul: 'true' }],
      ['child', { birthDate: plusDays(today, -10), birthRegisteredInSeoul: 'true' }],
    ],
  },
  'single parent, low income': {
    household: { residence: 'seoul', singleParent: 'true', monthlyIncome: '1500000' },
    members: [
      ['adult', { birthDate: '1992-07-07', sex: 'female', pregnant: 'false' }],
      ['child', { birthDate: plusMonths(today, -36) }],
    ],
    incomeMode: 'amount',
  },
  'outside Seoul': {
    household: { residence: 'other' },
    members: [
      ['adult', { birthDate: '1988-01-15', sex: 'male' }],
      ['child', { birthDate: plusMonths(today, -12) }],
    ],
  },
};

function resultsOf({ household, members, incomeMode }: (typeof PERSONAS)[string]) {
  const checker = new Checker({ rules: koreanOnly, parameters, asOf: today, store: noStore });
  if (incomeMode) checker.setIncomeMode(incomeMode);
  for (const [field, value] of Object.entries(household)) checker.setAnswer(field, value);
  const ids = [checker.form.members[0].id, ...members.slice(1).map(([role]) => checker.addMember(role)!)];
  members.forEach(([, answers], i) => {
    for (const [field, value] of Object.entries(answers)) checker.setMemberAnswer(ids[i], field, value);
  });
  return render(Results, { props: { checker, ondecide: () => {}, resident: true } }).container;
}

/** Messages that quote a Korean term on purpose (a question's official term): no fallback. */
const quoting = new Set([...QUOTES_KOREAN].map((key) => lookup(MESSAGES.en, key)));

/** Text with Hangul in an element whose language is not Korean: "<text>" (in <closest lang>). */
function unmarked(root: HTMLElement): string[] {
  const found: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    const lang = node.parentElement?.closest('[lang]')?.getAttribute('lang');
    if (/\p{Script=Hangul}/u.test(text) && lang !== 'ko' && !quoting.has(text)) found.push(`"${text.slice(0, 60)}" (${lang})`);
  }
  return found;
}

beforeAll(() => {
  startI18n('en');
  document.documentElement.lang = 'en';
});

describe('Korean shown while a language has not got its rule texts', () => {
  for (const [name, persona] of Object.entries(PERSONAS)) {
    it(`${name}: every Korean text is marked lang="ko", also in each what-if`, async () => {
      const root = resultsOf(persona);
      expect(root.querySelectorAll('article').length).toBeGreaterThan(3);
      expect(unmarked(root)).toEqual([]);
      for (const change of root.querySelectorAll<HTMLInputElement>('.whatif input[type="radio"]')) {
        await fireEvent.click(change);
        const income = root.querySelector<HTMLInputElement>('#whatif-income');
        if (income) await fireEvent.input(income, { target: { value: '1000000' } });
        await tick();
        expect(unmarked(root), change.value).toEqual([]);
      }
    });
  }
});
