import { describe, expect, it } from 'vitest';
import { evaluate, type Household, type Reason, type Rule } from '../../src/lib/engine';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { lang, text } from '../text';
import { reasonText } from '../../src/lib/results/text';

const words = (code: 'ko' | 'en') => (reason: Reason) => reasonText(reason, lang(code).t, code);

const { parameters } = loadRuleSetOrThrow();

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
    expect(words('en')(result.reasons[0])).toBe('Condition not met: lives in Seoul');
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
    expect(result.reasons.map(words('en'))).toEqual(['This programme is not running now']);
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
    expect(words('ko')(result.reasons[0])).toContain('월 소득인정액 7,071,985원 이하');
  });

  it('throws on an invalid household rather than guessing', () => {
    expect(() => evaluate({ members: [{ role: 'adult', birthDate: '1990-02-30' }] }, { rules: [rule({})], parameters })).toThrow(
      /members\[0\]\.birthDate/,
    );
  });

  const upcomingAt24 = (extra: Partial<Rule> = {}) =>
    rule({
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
      ...extra,
    });

  it('is unknown, not upcoming, while a criterion that is not waived is unknown', () => {
    const young = { role: 'child' as const, birthDate: '2023-01-10' };
    const result = one(household({ members: [young] }), upcomingAt24());
    expect(result).toMatchObject({ status: 'unknown', missing: ['residence'], upcomingDate: null });
  });

  it("keeps each member's own status, why and missing answers", () => {
    const r = upcomingAt24({
      criteria: [
        { id: 'age', label: text('24 months or older'), logic: { '>=': [{ var: 'member.ageMonths' }, 24] } },
        { id: 'home', label: text('not at daycare'), logic: { '===': [{ var: 'member.attendsDaycare' }, false] } },
      ],
    });
    const result = one(
      household({
        members: [
          { role: 'child', birthDate: '2024-09-24', attendsDaycare: false },
          { role: 'child', birthDate: '2020-06-01' },
          { role: 'child', birthDate: '2021-06-01', attendsDaycare: true },
        ],
      }),
      r,
    );
    expect(result.status).toBe('upcoming');
    expect(result.candidates!.map((c) => [c.index, c.status, c.missing])).toEqual([
      [0, 'upcoming', []],
      [1, 'unknown', ['members[1].attendsDaycare']],
      [2, 'ineligible', []],
    ]);
    expect(result.candidates![2].reasons).toMatchObject([{ code: 'criterionUnmet', criterion: 'home' }]);
    expect(result.candidates![1].reasons).toMatchObject([{ code: 'criterionUnknown', criterion: 'home' }]);
  });

  describe('a pregnancy not yet answered', () => {
    const perBaby = rule({
      scope: { members: 'child', includeExpected: true },
      criteria: [
        ...rule({}).criteria,
        { id: 'newborn', label: text('born in the last 60 days'), logic: { '<=': [{ var: 'member.daysSinceBirth' }, 60] } },
      ],
      amount: { value: 100, per: 'once', basis: 'member', kind: 'grant' },
    });
    const woman = { role: 'adult' as const, sex: 'female' as const, birthDate: '1990-01-01' };

    it('is a possible baby whose own facts wait for the answer, while household criteria still decide', () => {
      const seoul = one(household({ residence: 'seoul', members: [woman] }), perBaby);
      expect(seoul.status).toBe('unknown');
      expect(seoul.missing).toEqual(['members[0].pregnant']);
      expect(seoul.candidates).toMatchObject([{ index: 0, unborn: true, possible: true, status: 'unknown' }]);
      expect(one(household({ residence: 'other', members: [woman] }), perBaby).status).toBe('ineligible');
      expect(one(household({ members: [woman] }), perBaby).missing.sort()).toEqual(['members[0].pregnant', 'residence']);
    });

    it('no longer counts once answered no', () => {
      expect(one(household({ residence: 'seoul', members: [{ ...woman, pregnant: false }] }), perBaby).status).toBe('ineligible');
    });
  });

  describe('amounts that say what they are', () => {
    it('marks a ceiling', () => {
      const r = rule({ amount: { value: 2_000_000, per: 'once', basis: 'household', kind: 'grant', upTo: true } });
      expect(one(household({ residence: 'seoul' }), r).amount).toMatchObject({ value: 2_000_000, upTo: true });
    });

    it('gives the number of monthly payments, per member or for the household', () => {
      const household3 = rule({ amount: { value: 300_000, per: 'month', basis: 'household', kind: 'grant', months: 3 } });
      expect(one(household({ residence: 'seoul' }), household3).amount).toMatchObject({ value: 300_000, per: 'month', months: 3 });
      const perChild = rule({
        scope: { members: 'child' },
        criteria: [{ id: 'child', label: text('a child'), logic: true }],
        amount: { value: 10, per: 'month', basis: 'member', kind: 'grant', months: { '-': [24, { var: 'member.ageMonths' }] } },
      });
      const twins = [
        { role: 'child' as const, birthDate: '2024-08-15' },
        { role: 'child' as const, birthDate: '2024-08-15' },
      ];
      const result = one(household({ members: twins }), perChild);
      expect(result.amount).toMatchObject({ value: 20, months: 22 });
      expect(result.candidates!.map((c) => c.months)).toEqual([22, 22]);
      const apart = one(household({ members: [twins[0], { role: 'child', birthDate: '2023-10-15' }] }), perChild);
      expect(apart.amount!.months).toBeNull();
      expect(apart.candidates!.map((c) => c.months)).toEqual([22, 12]);
    });
  });

  describe('benefits taken instead of others', () => {
    const perChild = (id: string, minAge: number, instead?: Rule['instead']) =>
      rule({
        id,
        scope: { members: 'child' },
        criteria: [{ id: 'age', label: text('old enough'), logic: { '>=': [{ var: 'member.ageYears' }, minAge] } }],
        amount: { value: 10, per: 'month', basis: 'member', kind: 'grant' },
        instead,
      });
    const children = household({
      members: [
        { role: 'child', birthDate: '2020-01-01' },
        { role: 'child', birthDate: '2014-01-01' },
      ],
    });

    it('marks the replaced benefit for the members the other one pays, and keeps its status', () => {
      const general = perChild('general', 0);
      const higher = perChild('higher', 8, [{ of: 'general', why: text('a higher rate of the same allowance') }]);
      const [g, h] = evaluate(children, { rules: [general, higher], parameters }).results;
      expect(h.status).toBe('eligible');
      expect(g.status).toBe('eligible');
      expect(g.candidates!.map((c) => c.replacedBy)).toEqual([undefined, 'higher']);
      expect(g.replacedBy).toBeUndefined();
      const everyone = perChild('everyone', 0, [{ of: 'general', why: text('same allowance') }]);
      const [g2] = evaluate(children, { rules: [general, everyone], parameters }).results;
      expect(g2.replacedBy).toBe('everyone');
    });

    it('marks only the replaced benefit, when screening shares one result for a member ruled out by several rules', () => {
      const tooYoung = perChild('too-young', 30);
      const general = perChild('general', 30);
      const lump = rule({ id: 'lump', instead: [{ of: 'general', why: text('one or the other') }] });
      const seoul = { ...children, residence: 'seoul' as const };
      const [young, g] = evaluate(seoul, { rules: [tooYoung, general, lump], parameters, explain: false }).results;
      expect(g.candidates!.map((c) => c.replacedBy)).toEqual(['lump', 'lump']);
      expect(young.candidates!.map((c) => c.replacedBy)).toEqual([undefined, undefined]);
    });

    it('replaces a household benefit only while the other is eligible', () => {
      const monthly = rule({ id: 'monthly' });
      const lump = rule({ id: 'lump', instead: [{ of: 'monthly', why: text('one or the other') }] });
      expect(evaluate(household({ residence: 'seoul' }), { rules: [monthly, lump], parameters }).results[0].replacedBy).toBe('lump');
      expect(evaluate(household(), { rules: [monthly, lump], parameters }).results[0].replacedBy).toBeUndefined();
    });
  });

  it('outputs only real YYYY-MM-DD dates: a date a rule cannot compute is absent, never a malformed one', () => {
    const dated = (applyBy: unknown, upcomingDate: unknown) =>
      rule({
        scope: { members: 'child' },
        criteria: [{ id: 'age', label: text('24 months or older'), logic: { '>=': [{ var: 'member.ageMonths' }, 24] } }],
        upcoming: { when: true, date: upcomingDate, waived: ['age'], label: text('at 24 months') },
        applyBy,
      });
    const young = household({ asOf: '2100-12-31', members: [{ role: 'child', birthDate: '2100-01-01' }] });
    // Near the end of the model's years: the arithmetic still gives a four-digit year.
    expect(one(young, dated({ addMonths: [{ var: 'asOf' }, 6] }, { addMonths: [{ var: 'member.birthDate' }, 24] }))).toMatchObject({
      status: 'upcoming',
      applyBy: '2101-06-30',
      upcomingDate: '2102-01-01',
    });
    // A rule's date that is not a date (a number, text, a year past 9999) is reported as no date.
    const odd = one(young, dated(20240101, 'soon'));
    expect(odd).toMatchObject({ status: 'upcoming', applyBy: null, upcomingDate: null });
    const overflow = one(young, dated({ addYears: [{ var: 'asOf' }, 8000] }, null));
    expect(overflow.status).toBe('error');
    expect(overflow.applyBy).toBeNull();
  });
});
