/**
 * What the household can receive now, added up honestly: one-off money apart from monthly money,
 * monthly money paid for a limited time listed with its months, ceilings (최대) apart from sums the
 * household is sure to get, and nothing counted twice — a member paid by another benefit instead
 * (Rule.instead) is left out. Fees and services are never money. The app, the staff handout, the
 * CSV summary, the CLI and the embed all take their totals from here.
 */
import type { Evaluation, Rule, RuleResult } from '../engine';

const NONE: ReadonlySet<string> = new Set();

export interface LimitedMonthly {
  id: string;
  /** KRW per month. */
  value: number;
  months: number;
  /** A monthly ceiling (최대): up to `value` a month, depending on what is spent. */
  upTo?: true;
}

export interface Totals {
  /** One-time money (KRW). */
  once: number;
  /** Monthly money with no end set by the benefit (KRW per month). */
  month: number;
  /** Monthly money paid for a limited number of months, benefit by benefit. */
  limited: LimitedMonthly[];
  /** One-time ceilings: up to this much, depending on what is spent (KRW). */
  upTo: number;
  /** Monthly ceilings with no end set by the benefit: up to this much a month (KRW per month). */
  upToMonth: number;
  /** Money paid by the year or quarter, as a yearly sum (KRW per year). */
  year: number;
  /** Some eligible benefit's amount is not known yet, so a total may be higher. */
  partial: boolean;
}

/** Money or points the household receives, as opposed to a fee it pays or a service in kind. */
export const isMoney = (rule: Rule, result: RuleResult): boolean =>
  rule.kind === 'benefit' && result.amount !== null && (result.amount.kind === 'grant' || result.amount.kind === 'voucher');

/** The part of an eligible benefit's amount the household receives: members paid by another benefit instead are left out. */
export function receivable(result: RuleResult): number | null {
  const amount = result.amount;
  if (!amount) return null;
  if (result.replacedBy) return 0;
  if (!result.candidates || !amount.members) return amount.value;
  if (amount.supplement === null) return null;
  let total = amount.supplement ?? 0;
  for (const c of result.candidates) {
    if (c.status !== result.status || c.replacedBy) continue;
    if (c.amount === null) return null;
    total += c.amount;
  }
  return total;
}

/** `received`: benefits the household says it already receives, left out of what is new. */
export function totalsOf(evaluation: Evaluation, rules: Rule[], received: ReadonlySet<string> = NONE): Totals {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const totals: Totals = { once: 0, month: 0, limited: [], upTo: 0, upToMonth: 0, year: 0, partial: false };
  for (const result of evaluation.results) {
    const rule = byId.get(result.id);
    if (!rule || result.status !== 'eligible' || received.has(result.id) || !isMoney(rule, result)) continue;
    const amount = result.amount!;
    const value = receivable(result);
    if (value === null || (amount.per === 'month' && amount.months === null)) {
      totals.partial = true;
      continue;
    }
    if (value === 0) continue;
    // A ceiling keeps its period: a monthly one is never added to one-time money. Ceilings per visit
    // or per hour, like fees per visit, are no sum at all.
    if (amount.upTo && amount.per === 'once') totals.upTo += value;
    else if (amount.upTo && amount.per === 'month' && amount.months !== undefined)
      totals.limited.push({ id: result.id, value, months: amount.months!, upTo: true });
    else if (amount.upTo && amount.per === 'month') totals.upToMonth += value;
    else if (amount.upTo) continue;
    else if (amount.per === 'once') totals.once += value;
    else if (amount.per === 'month' && amount.months !== undefined) totals.limited.push({ id: result.id, value, months: amount.months! });
    else if (amount.per === 'month') totals.month += value;
    else if (amount.per === 'quarter') totals.year += value * 4;
    else if (amount.per === 'year') totals.year += value;
  }
  return totals;
}
