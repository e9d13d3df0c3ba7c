/**
 * "What if": the household with one thing changed — a baby born today, a move to Seoul, another
 * income — evaluated beside today's, and what changes in money and in benefits. Plain functions the
 * results view (WhatIf.svelte) and tests share; the answers themselves are never changed.
 */
import type { Evaluation, Household, Rule } from '../engine';
import { totalsOf, type Totals } from '../results/totals';

export type Change = { kind: 'baby' } | { kind: 'move' } | { kind: 'income'; monthlyIncome: number };
export type ChangeKind = Change['kind'];

/** The changes worth asking about for this household (a move only from outside Seoul). */
export const changesFor = (household: Household): ChangeKind[] =>
  household.residence === 'seoul' ? ['baby', 'income'] : ['baby', 'move', 'income'];

/** The household as it would be; `asOf` is the day the baby is born (a pregnant member's). */
export function changed(household: Household, change: Change, asOf: string): Household {
  switch (change.kind) {
    case 'baby': {
      // A pregnant member's baby is the one born: her pregnancy ends, so nothing counts twice.
      const mother = household.members.findIndex((m) => m.pregnant === true);
      const children = household.members.filter((m) => m.role === 'child').length;
      const order = (mother >= 0 ? household.members[mother].expectedBirthOrder : undefined) ?? children + 1;
      const members = household.members.map((m, i) => {
        if (i !== mother) return m;
        const { dueDate: _due, expectedBabies: _babies, expectedBirthOrder: _order, ...rest } = m;
        return { ...rest, pregnant: false };
      });
      const seoul = household.residence === 'seoul';
      const baby = { role: 'child' as const, birthDate: asOf, birthOrder: order, birthRegistered: true, birthRegisteredInSeoul: seoul };
      const size = household.householdSize === undefined ? {} : { householdSize: household.householdSize + 1 };
      return { ...household, ...size, members: [...members, baby] };
    }
    case 'move':
      return { ...household, residence: 'seoul' };
    case 'income': {
      const { medianIncomePercent: _percent, ...rest } = household;
      return { ...rest, monthlyIncome: change.monthlyIncome };
    }
  }
}

export type MoneyKey = 'once' | 'month' | 'limited' | 'year' | 'upTo';

export interface MoneyRow {
  key: MoneyKey;
  now: number;
  then: number;
  /** then − now, KRW. */
  difference: number;
}

/** Monthly money for a limited time, counted over all its months. */
const limitedSum = (totals: Totals) => totals.limited.reduce((sum, item) => sum + item.value * item.months, 0);

const money = (totals: Totals): Record<MoneyKey, number> => ({
  once: totals.once,
  month: totals.month,
  limited: limitedSum(totals),
  year: totals.year,
  upTo: totals.upTo,
});

export interface Comparison {
  /** Every kind of money either side has, today's beside the changed household's. */
  rows: MoneyRow[];
  /** Benefits the changed household could get now that it cannot today, and the reverse. */
  gained: string[];
  lost: string[];
  /** Either side has an amount still unknown. */
  partial: boolean;
}

/** Today's evaluation beside the changed one; `received` benefits count on neither side. */
export function compare(now: Evaluation, then: Evaluation, rules: Rule[], received: ReadonlySet<string> = new Set()): Comparison {
  const before = totalsOf(now, rules, received);
  const after = totalsOf(then, rules, received);
  const [a, b] = [money(before), money(after)];
  const rows = (Object.keys(a) as MoneyKey[])
    .filter((key) => a[key] !== 0 || b[key] !== 0)
    .map((key) => ({ key, now: a[key], then: b[key], difference: b[key] - a[key] }));
  const eligible = (evaluation: Evaluation) =>
    new Set(evaluation.results.filter((r) => r.status === 'eligible' && !r.replacedBy && !received.has(r.id)).map((r) => r.id));
  const [was, will] = [eligible(now), eligible(then)];
  return {
    rows,
    gained: [...will].filter((id) => !was.has(id)),
    lost: [...was].filter((id) => !will.has(id)),
    partial: before.partial || after.partial,
  };
}
