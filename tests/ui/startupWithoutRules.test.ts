/**
 * The resident page before the rules chunk has arrived (src/main.ts gives the Checker a promise of
 * the rules): the household question works, "next" waits for the rules without losing what is typed,
 * and rules that cannot be downloaded are said so. tests/e2e/startup.test.ts holds the real chunk back.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import type { RuleSet } from '../../src/lib/engine';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { Roots } from '../../src/lib/startup/roots.svelte';
import { localAnswerStore } from '../../src/lib/storage';
import { MemoryStorage, startI18n, testRuleSet } from './helpers';

const asOf = '2024-10-15';

async function openWithRulesPending(storage = new MemoryStorage()) {
  startI18n('ko');
  // Promise.withResolvers, which Node 20 lacks.
  const rules = {} as { promise: Promise<RuleSet>; resolve: (set: RuleSet) => void; reject: (error: unknown) => void };
  rules.promise = new Promise((resolve, reject) => Object.assign(rules, { resolve, reject }));
  const checker = new Checker({ ruleSet: rules.promise, asOf, store: localAnswerStore(storage) });
  const roots = new Roots(false);
  render(App, { props: { checker, roots } });
  await roots.whenStarted();
  return { checker, rules, storage, user: userEvent.setup() };
}

/** The live region that speaks of the rules (src/lib/questionnaire/RulesStatus.svelte). */
const rulesStatus = () => document.getElementById('rules-status')!;
const birthDate = () => screen.getByRole('textbox', { name: '생년월일 (어른 1)' });

async function answerHousehold(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: '서울특별시' }));
  await user.type(birthDate(), '1990-01-01');
  await user.click(within(screen.getByRole('group', { name: '지금 임신 중인가요? (어른 1)' })).getByRole('radio', { name: '아니요' }));
}

describe('the resident page while the rules are still on their way', () => {
  it('is ready (not busy) and takes the household answers, which it saves', async () => {
    const { checker, storage, user } = await openWithRulesPending();
    expect(checker.rulesStatus).toBe('loading');
    expect(screen.getByRole('main')).not.toHaveAttribute('aria-busy');
    await answerHousehold(user);
    expect(birthDate()).toHaveValue('1990-01-01');
    expect(checker.raw('m1.birthDate')).toBe('1990-01-01');
    expect(JSON.stringify(localAnswerStore(storage).load())).toContain('1990-01-01');
    expect(checker.evaluation).toBeNull();
  });

  it('shows the problems of a step at once, without waiting for the rules', async () => {
    const { user } = await openWithRulesPending();
    await user.click(screen.getByRole('button', { name: '다음' }));
    expect(screen.getByRole('alert')).toHaveTextContent('어른 1 · 생년월일: 입력해 주세요');
    expect(rulesStatus()).toBeEmptyDOMElement();
  });

  it('makes "next" wait for the rules, keeping what is typed meanwhile, then moves on once', async () => {
    const { checker, rules, user } = await openWithRulesPending();
    await answerHousehold(user);
    const next = screen.getByRole('button', { name: '다음' });
    await user.click(next);
    expect(rulesStatus()).toHaveTextContent('혜택 기준을 불러오는 중이에요');
    expect(next.closest('form')).toHaveAttribute('aria-busy', 'true');
    expect(checker.step).toBe('household');
    // A second press while waiting moves no further than the first.
    await user.click(next);
    await user.clear(birthDate());
    await user.type(birthDate(), '1991-02-02');
    rules.resolve(testRuleSet);
    await waitFor(() => expect(checker.step).not.toBe('household'));
    expect(checker.form.cursor).toBe(1);
    expect(checker.raw('m1.birthDate')).toBe('1991-02-02');
    expect(checker.evaluation).not.toBeNull();
    expect(document.getElementById('step-heading')!).toHaveFocus();
    expect(rulesStatus()).toBeEmptyDOMElement();
    expect(document.getElementById('step-heading')!.closest('form')).not.toHaveAttribute('aria-busy');
  });

  it('says so when the rules cannot be downloaded, and keeps the answers', async () => {
    const { checker, rules, user } = await openWithRulesPending();
    await answerHousehold(user);
    await user.click(screen.getByRole('button', { name: '다음' }));
    rules.reject(new TypeError('Failed to fetch dynamically imported module'));
    await waitFor(() => expect(rulesStatus()).toHaveTextContent('혜택 기준을 불러오지 못했어요'));
    expect(checker.rulesStatus).toBe('failed');
    expect(checker.step).toBe('household');
    expect(birthDate()).toHaveValue('1990-01-01');
    expect(screen.getByRole('button', { name: '다음' }).closest('form')).not.toHaveAttribute('aria-busy');
  });
});
