import { describe, expect, it } from 'vitest';
import { evaluate, type Household, type Rule } from '../../src/lib/engine';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

const { parameters } = loadRuleSetOrThrow();

const text = (s: string) => ({ ko: s, en: s });

function rule(overrides: Partial<Rule>): Rule {
  return {
    id: 'test-rule',
    names: text('test'),
    summary: text('test'),
    category: 'care',
    kind: 'benefit',
    department: text('dept'),
    legalBasis: [text('law')],
    source: { seed: 'seeds/x.txt', section: text('s') },
    verifiedAt: '2024-10-01',
    validFrom: '2024-01-01',
    validTo: null,
    scope: { members: 'household' },
    criteria: [{ id: 'seoul', label: text('lives in Seoul'), logic: { '===': [{ var: 'household.residence' }, 'seoul'] } }],
    apply: { offline: [text('dong centre')] },
    ...overrides,
  };
}

const household = (extra: Partial<Household> = {}): Household => ({
  asOf: '2024-10-15',
  members: [{ role: 'adult', birthDate: '1990-01-01' }],
  ...extra,
});
const one = (h: Household, r: Rule) => evaluate(h, { rules: [r], parameters }).results[0];

describe('evaluate', () => {
  it('is eligible only when every criterion is met', () => {
    expect(one(household({ residence: 'seoul' }), rule({})).status).toBe('eligible');
  });

  it('is ineligible as soon as one criterion is definitely unmet, naming it', () => {
    const result = one(household({ residence: 'other' }), rule({}));
    expect(result.status).toBe('ineligible');
    expect(result.reasons[0]).toMatchObject({ code: 'criterionUnmet', criterion: 'seoul' });
    expect(result.reasons[0].text.en).toBe('condition not met: lives in Seoul');
  });

  it('is unknown, never ineligible, when a criterion lacks its input, and says which input decides it', () => {
    const result = one(household(), rule({}));
    expect(result.status).toBe('unknown');
    expect(result.missing).toEqual(['residence']);
    expect(result.criteria[0].outcome).toBe('unknown');
  });

  it('is ineligible with "not in effect on asOf" outside the effective period', () => {
    const r = rule({ validFrom: '2024-11-01' });
    const result = one(household({ residence: 'seoul' }), r);
    expect(result.status).toBe('ineligible');
    expect(result.reasons.map((x) => x.text.en)).toEqual(['not in effect on asOf']);
    expect(one(household({ residence: 'seoul', asOf: '2024-11-01' }), r).status).toBe('eligible');
    expect(one(household({ residence: 'seoul', asOf: '2024-11-01' }), rule({ validTo: '2024-10-31' })).status).toBe('ineligible');
  });

  it('lets options.asOf override the household date', () => {
    const r = rule({ validFrom: '2025-01-01' });
    expect(evaluate(household({ residence: 'seoul' }), { rules: [r], parameters, asOf: '2025-01-01' }).asOf).toBe('2025-01-01');
    expect(evaluate(household({ residence: 'seoul' }), { rules: [r], parameters, asOf: '2025-01-01' }).results[0].status).toBe('eligible');
  });

  it('marks a rule that throws as an error and still evaluates the others', () => {
    const broken = rule({ id: 'broken', criteria: [{ id: 'x', label: text('x'), logic: { addDays: ['not-a-date', 1] } }] });
    const { results } = evaluate(household({ residence: 'seoul' }), { rules: [broken, rule({})], parameters });
    expect(results[0]).toMatchObject({ id: 'broken', status: 'error' });
    expect(results[0].error).toMatch(/not a calendar date/);
    expect(results[1].status).toBe('eligible');
  });

  it('sums a per-member amount over the qualifying members only', () => {
    const r = rule({
      scope: { members: 'child' },
      criteria: [{ id: 'infant', label: text('under 12 months'), logic: { '<': [{ var: 'member.ageMonths' }, 12] } }],
      amount: { value: 100, per: 'month', basis: 'member', kind: 'grant' },
    });
    const result = one(
      household({
        members: [
          { role: 'adult', birthDate: '1990-01-01' },
          { role: 'child', birthDate: '2024-01-01' },
          { role: 'child', birthDate: '2024-02-01' },
          { role: 'child', birthDate: '2020-01-01' },
        ],
      }),
      r,
    );
    expect(result.amount).toMatchObject({
      value: 200,
      per: 'month',
      members: [
        { index: 1, value: 100 },
        { index: 2, value: 100 },
      ],
    });
  });

  it('counts qualifying members for a household amount', () => {
    const r = rule({
      scope: { members: 'child' },
      criteria: [{ id: 'child', label: text('a child'), logic: true }],
      amount: { value: { '*': [{ var: 'count' }, 7] }, per: 'once', basis: 'household', kind: 'grant' },
    });
    expect(
      one(
        household({
          members: [
            { role: 'child', birthDate: '2020-01-01' },
            { role: 'child', birthDate: '2021-01-01' },
          ],
        }),
        r,
      ).amount?.value,
    ).toBe(14);
  });

  it('adds a household supplement once', () => {
    const r = rule({
      amount: { value: 10, per: 'month', basis: 'household', kind: 'grant', supplement: { value: 5, label: text('extra') } },
    });
    expect(one(household({ residence: 'seoul' }), r).amount).toMatchObject({ value: 15, supplement: 5 });
  });

  it('is ineligible with "no member qualifies" when the scope has nobody', () => {
    const r = rule({ scope: { members: 'child', label: text('a child') }, criteria: [{ id: 'c', label: text('c'), logic: true }] });
    const result = one(household(), r);
    expect(result.status).toBe('ineligible');
    expect(result.reasons[0].code).toBe('noCandidate');
  });

  it('is upcoming when only waived criteria are unmet, with the date the rule gives', () => {
    const r = rule({
      scope: { members: 'child' },
      criteria: [
        { id: 'age', label: text('24 months or older'), logic: { '>=': [{ var: 'member.ageMonths' }, 24] } },
        ...rule({}).criteria,
      ],
      upcoming: {
        when: { '<': [{ var: 'member.ageMonths' }, 24] },
        date: { addMonths: [{ var: 'member.birthDate' }, 24] },
        waived: ['age'],
        label: text('at 24 months'),
      },
    });
    const young = { role: 'child' as const, birthDate: '2023-01-10' };
    expect(one(household({ residence: 'seoul', members: [young] }), r)).toMatchObject({ status: 'upcoming', upcomingDate: '2025-01-10' });
    expect(one(household({ residence: 'other', members: [young] }), r).status).toBe('ineligible');
  });

  it('reports the income limit in won for the household size beside an income test', () => {
    const r = rule({
      criteria: [
        { id: 'income', label: text('income'), logic: { '<=': [{ var: 'household.incomePercent' }, 150] }, incomeLimitPercent: 150 },
      ],
    });
    const members = Array.from({ length: 3 }, () => ({ role: 'adult' as const, birthDate: '1990-01-01' }));
    const result = one(household({ members }), r);
    expect(result.status).toBe('unknown');
    expect(result.criteria[0].incomeLimit).toEqual({ percent: 150, householdSize: 3, monthlyWon: 7071985 });
    expect(result.reasons[0].text.ko).toContain('월 소득인정액 7,071,985원 이하');
  });

  it('throws on an invalid household rather than guessing', () => {
    expect(() => evaluate({ members: [{ role: 'adult', birthDate: '1990-02-30' }] }, { rules: [rule({})], parameters })).toThrow(
      /members\[0\]\.birthDate/,
    );
  });
});
