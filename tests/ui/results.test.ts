import { beforeAll, describe, expect, it } from 'vitest';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { evaluate, type Evaluation, type Rule, type RuleResult } from '../../src/lib/engine';
import { rankSteps } from '../../src/lib/questionnaire/decisive';
import type { Translate } from '../../src/lib/questionnaire/labels';
import { groupResults } from '../../src/lib/results/group';
import { amountText, deadlineText, incomeLimitText, ineligibleText, upcomingText } from '../../src/lib/results/text';
import { startI18n, testRules, testParameters } from './helpers';
import { text } from '../text';

const asOf = '2024-10-15';
const adult = { role: 'adult' as const, birthDate: '1990-01-01' };
const t = () => get(_) as Translate;

beforeAll(() => startI18n('ko'));

function run(household: Parameters<typeof evaluate>[0], rules: Rule[] = testRules): Evaluation {
  return evaluate(household, { rules, parameters: testParameters, asOf });
}

describe('grouping and totals', () => {
  it('a Seoul single parent: two benefits now, one waiting for income, with the question that decides it', () => {
    const evaluation = run({ residence: 'seoul', singleParent: true, members: [adult] });
    const idAt = ['m1'];
    const grouped = groupResults(evaluation, testRules, rankSteps(evaluation, idAt), idAt);
    expect(grouped.groups.eligible.map((v) => v.rule.id)).toEqual(['seoul-grant', 'single-allowance']);
    expect(grouped.groups.unknown.map((v) => [v.rule.id, v.decidingStep])).toEqual([['care-allowance', 'income']]);
    expect(grouped.totals).toEqual({ once: 700000, month: 210000, limited: [], upTo: 0, upToMonth: 0, year: 0, partial: false });
    expect(grouped.groups.eligible[0].daysLeft).toBe(77);
  });

  it('with income unknown, the limit is stated in won for the household size', () => {
    const evaluation = run({ residence: 'seoul', members: [adult, adult, { role: 'child', birthDate: '2022-06-01' }] });
    const care = groupResults(evaluation, testRules).groups.unknown.find((v) => v.rule.id === 'care-allowance')!;
    expect(care.incomeLimits).toEqual([{ percent: 150, householdSize: 3, monthlyWon: 7071985 }]);
    expect(incomeLimitText(care.incomeLimits[0], t(), 'ko')).toBe(
      '월 소득인정액 7,071,985원 이하이면 받을 수 있어요 (3인 가구, 기준 중위소득 150%)',
    );
  });

  it('outside Seoul nothing applies, each with its unmet condition', () => {
    const evaluation = run({ residence: 'other', members: [adult] });
    const grouped = groupResults(evaluation, testRules);
    expect(grouped.groups.ineligible).toHaveLength(3);
    expect(grouped.groups.ineligible.map((v) => v.unmet.map((c) => c.id))).toEqual([['seoul'], ['seoul'], ['seoul']]);
    expect(ineligibleText(grouped.groups.ineligible[0].result, testRules[0], t(), 'ko')).toEqual(['맞지 않는 조건: 서울시에 주민등록']);
    expect(grouped.totals).toEqual({ once: 0, month: 0, limited: [], upTo: 0, upToMonth: 0, year: 0, partial: false });
  });

  it('a rule that fails shows as "could not be checked" on its own; services are signposted apart', () => {
    const broken: Rule = { ...testRules[0], id: 'broken', criteria: [{ id: 'x', label: text('x', 'x'), logic: { nope: [1] } }] };
    const service: Rule = { ...testRules[0], id: 'kids-cafe', kind: 'service', amount: undefined };
    const rules = [...testRules, broken, service];
    const grouped = groupResults(run({ residence: 'seoul', members: [adult] }, rules), rules);
    expect(grouped.groups.error.map((v) => v.rule.id)).toEqual(['broken']);
    expect(grouped.services.map((v) => v.rule.id)).toEqual(['kids-cafe']);
    expect(grouped.groups.eligible.map((v) => v.rule.id)).toEqual(['seoul-grant']);
  });
});

describe('card sentences', () => {
  const result = (over: Partial<RuleResult>): RuleResult =>
    ({
      id: 'x',
      status: 'eligible',
      criteria: [],
      missing: [],
      amount: null,
      applyBy: null,
      upcomingDate: null,
      reasons: [],
      ...over,
    }) as RuleResult;

  it('amounts by period, in won, with a supplement named', () => {
    const rule = {
      ...testRules[0],
      amount: {
        value: 0,
        per: 'month',
        basis: 'member',
        kind: 'grant',
        supplement: { value: 1, label: text('자립촉진수당', 'self-reliance allowance') },
      },
    } as Rule;
    expect(amountText(result({ amount: { value: 1000000, per: 'once', kind: 'voucher' } }), testRules[0], t(), 'ko')).toBe(
      '한 번 1,000,000원',
    );
    expect(amountText(result({ amount: { value: 450000, per: 'month', kind: 'grant', supplement: 100000 } }), rule, t(), 'ko')).toBe(
      '매달 450,000원 (자립촉진수당 100,000원 포함)',
    );
    expect(amountText(result({ amount: { value: null, per: 'month', kind: 'grant' } }), testRules[0], t(), 'ko')).toBe(
      '금액은 답변을 더 받아야 정해져요',
    );
    expect(amountText(result({}), testRules[0], t(), 'ko')).toBeNull();
  });

  it('a deadline with the days left', () => {
    expect(deadlineText('2024-12-04', 50, t(), 'ko')).toBe('신청 기한: 2024년 12월 4일 (50일 남음)');
    expect(deadlineText('2024-10-15', 0, t(), 'ko')).toBe('신청 기한: 2024년 10월 15일 (오늘이 마지막 날)');
  });

  it('an upcoming benefit says from when and why', () => {
    const rule = {
      ...testRules[0],
      upcoming: { when: true, waived: [], label: text('출산 후 신청할 수 있어요', 'apply after the birth') },
    } as Rule;
    expect(upcomingText(result({ status: 'upcoming', upcomingDate: '2025-02-15' }), rule, t(), 'ko')).toBe(
      '2025년 2월 15일부터: 출산 후 신청할 수 있어요',
    );
  });

  it('English and Vietnamese fall back to the English rule text', () => {
    startI18n('en');
    expect(amountText(result({ amount: { value: 300000, per: 'month', kind: 'grant' } }), testRules[0], t(), 'en')).toBe(
      'KRW 300,000 a month',
    );
    startI18n('ko');
  });
});
