/** Totals added up honestly: one-off, monthly, monthly for a limited time, ceilings, yearly; nothing counted twice. */
import { describe, expect, it } from 'vitest';
import type { AmountResult, CandidateResult, Evaluation, Rule, RuleResult } from '../../src/lib/engine';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { LOCALES } from '../../src/lib/i18n';
import { totalsLine } from '../../src/lib/results/text';
import { receivable, totalsOf } from '../../src/lib/results/totals';
import { startI18n, testRules } from './helpers';

const rule = (id: string, kind: Rule['kind'] = 'benefit'): Rule => ({ ...testRules[0], id, kind });

function result(id: string, amount: Partial<AmountResult> | null, over: Partial<RuleResult> = {}): RuleResult {
  return {
    id,
    status: 'eligible',
    criteria: [],
    missing: [],
    amount: amount && { value: 0, per: 'once', kind: 'grant', ...amount },
    applyBy: null,
    upcomingDate: null,
    reasons: [],
    ...over,
  };
}

const candidate = (index: number, amount: number | null, over: Partial<CandidateResult> = {}): CandidateResult => ({
  index,
  unborn: false,
  possible: false,
  status: 'eligible',
  criteria: [],
  reasons: [],
  missing: [],
  amount,
  months: null,
  applyBy: null,
  upcomingDate: null,
  ...over,
});

function totals(...results: RuleResult[]) {
  const evaluation: Evaluation = { asOf: '2026-12-01', results };
  return totalsOf(
    evaluation,
    results.map((r) => rule(r.id, r.id.startsWith('service') ? 'service' : 'benefit')),
  );
}

describe('totals', () => {
  it('keep one-off and monthly money apart, and add quarterly and yearly money as a yearly sum', () => {
    expect(
      totals(
        result('a', { value: 100, per: 'once' }),
        result('b', { value: 20, per: 'month' }),
        result('c', { value: 30, per: 'month', kind: 'voucher' }),
        result('d', { value: 999, per: 'year' }),
        result('e', { value: 10, per: 'quarter' }),
      ),
    ).toEqual({ once: 100, month: 50, limited: [], upTo: 0, upToMonth: 0, year: 1039, partial: false });
  });

  it('list monthly money paid for a limited time with its months, not as every month', () => {
    const t = totals(result('womanup', { value: 300_000, per: 'month', months: 3 }), result('b', { value: 20, per: 'month' }));
    expect(t.month).toBe(20);
    expect(t.limited).toEqual([{ id: 'womanup', value: 300_000, months: 3 }]);
  });

  it('keep ceilings apart from sums the household is sure to get', () => {
    const t = totals(result('egg', { value: 2_000_000, per: 'once', upTo: true }), result('a', { value: 700_000, per: 'once' }));
    expect([t.once, t.upTo]).toEqual([700_000, 2_000_000]);
  });

  it('keep a ceiling in its period: monthly ceilings apart from one-time ones, for a limited time with their months, per visit not at all', () => {
    const t = totals(
      result('daycare', { value: 500_000, per: 'month', upTo: true }),
      result('housing', { value: 300_000, per: 'month', months: 24, upTo: true }),
      result('ivf', { value: 1_100_000, per: 'visit', upTo: true }),
      result('egg', { value: 2_000_000, per: 'once', upTo: true }),
    );
    expect([t.upTo, t.upToMonth, t.once, t.month]).toEqual([2_000_000, 500_000, 0, 0]);
    expect(t.limited).toEqual([{ id: 'housing', value: 300_000, months: 24, upTo: true }]);
  });

  it('leave out fees, services, benefits not yet receivable, and rates per hour, visit or meal', () => {
    const t = totals(
      result('fee', { value: 5, per: 'month', kind: 'fee' }),
      result('service-x', { value: 5, per: 'month' }),
      result('soon', { value: 5, per: 'once' }, { status: 'upcoming' }),
      result('hourly', { value: 2000, per: 'hour' }),
    );
    expect(t).toEqual({ once: 0, month: 0, limited: [], upTo: 0, upToMonth: 0, year: 0, partial: false });
  });

  it('say when an amount is not known yet', () => {
    expect(totals(result('a', { value: null, per: 'once' })).partial).toBe(true);
    expect(totals(result('a', { value: 10, per: 'month', months: null })).partial).toBe(true);
  });

  it('count a benefit paid instead of another once: the replaced one, or its replaced members, are left out', () => {
    const general = result(
      'general',
      { value: 460_000, per: 'month', members: [] },
      { candidates: [candidate(1, 230_000, { replacedBy: 'youth' }), candidate(2, 230_000)] },
    );
    expect(receivable(general)).toBe(230_000);
    const whole = result('whole', { value: 100, per: 'month' }, { replacedBy: 'other' });
    expect(receivable(whole)).toBe(0);
    expect(totals(general, whole, result('youth', { value: 350_000, per: 'month' })).month).toBe(580_000);
  });
});

describe('the totals on one line (the resident app’s results bar)', () => {
  const translate = (lang: string) => {
    startI18n(lang);
    return get(_);
  };

  it('name each kind of money as the totals do, never adding one kind to another', () => {
    const t = totals(
      result('a', { value: 700_000, per: 'once' }),
      result('b', { value: 200_000, per: 'month' }),
      result('womanup', { value: 300_000, per: 'month', months: 3 }),
      result('egg', { value: 2_000_000, per: 'once', upTo: true }),
    );
    expect(totalsLine(t, translate('ko'), 'ko')).toBe('한 번 700,000원 + 매달 200,000원 + 매달 300,000원, 3개월 + 최대 2,000,000원');
    expect(totalsLine(t, translate('en'), 'en')).toBe(
      'KRW 700,000 once + KRW 200,000 a month + KRW 300,000 a month for 3 months + up to KRW 2,000,000',
    );
  });

  it('say 0 when there is no money, and that an amount is still to be settled', () => {
    expect(totalsLine(totals(), translate('ko'), 'ko')).toBe('0원');
    const open = totals(
      result('a', { value: 700_000, per: 'once' }),
      result('b', null, { amount: { value: null, per: 'once', kind: 'grant' } }),
    );
    expect(open.partial).toBe(true);
    expect(totalsLine(open, translate('ko'), 'ko')).toBe('한 번 700,000원 + 금액 미정');
    expect(totalsLine(open, translate('vi'), 'vi')).toMatch(/^700\.000 won một lần \+ khoản chưa rõ$/);
  });

  it('in every locale, the bar says how many benefits and the total', () => {
    const t = totals(result('a', { value: 700_000, per: 'once' }));
    for (const lang of LOCALES) {
      const text = translate(lang)('flow.bar.text', { values: { count: 2, total: totalsLine(t, get(_), lang) } });
      expect(text, lang).toMatch(/2.*700[,.\s]000/); // ru groups digits with a (narrow) no-break space
    }
  });
});
