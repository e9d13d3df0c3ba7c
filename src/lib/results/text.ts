/** Sentences for a result card, through the active translator (kept out of components for tests). */
import type { CandidateResult, IncomeLimit, Per, Reason, Rule, RuleResult, Text } from '../engine';
import type { LimitedMonthly, Totals } from './totals';
import { formatDate, formatWon, pickText } from '../i18n/format';
import type { Translate } from '../questionnaire/labels';

type Loc = string | null | undefined;

/** Every amount period, each with a `results.per.<per>` message in every locale. */
export const PERIODS: Record<Per, true> = {
  once: true,
  month: true,
  quarter: true,
  year: true,
  hour: true,
  visit: true,
  meal: true,
  day: true,
};

/** How often an amount is paid, as a word: the catalogue's amount phrase without the amount ("매달", "a month"). */
export const perWord = (per: Per, t: Translate): string => t(`results.per.${per}`, { values: { amount: '' } }).trim();

export const wonText = (value: number, t: Translate, locale: Loc): string =>
  t('results.won', { values: { amount: formatWon(value, locale) } });

/** "한 번 1,000,000원", "최대 2,000,000원", "매달 300,000원, 3개월", or "매달 300,000원 (자립촉진수당 100,000원 포함)". */
export function amountText(result: Pick<RuleResult, 'amount'>, rule: Rule, t: Translate, locale: Loc): string | null {
  const a = result.amount;
  if (!a) return null;
  if (a.value === null) return t('results.amountUnknown');
  if (a.value === 0) return t('results.free');
  const money = wonText(a.value, t, locale);
  const per =
    a.per === 'month' && typeof a.months === 'number'
      ? t('results.perMonths', { values: { amount: money, months: a.months } })
      : t(`results.per.${a.per}`, { values: { amount: a.upTo ? t('results.upTo', { values: { amount: money } }) : money } });
  const text = a.kind === 'fee' ? `${t('results.kind.fee')} ${per}` : per;
  const label = rule.amount?.supplement?.label;
  if (a.supplement && label) {
    return `${text} (${t('results.supplement', { values: { label: pickText(label, locale), amount: wonText(a.supplement, t, locale) } })})`;
  }
  return text;
}

/** A member's own amount, as the benefit's amount is written. */
export function memberAmountText(candidate: CandidateResult, result: RuleResult, rule: Rule, t: Translate, locale: Loc): string | null {
  if (!result.amount || candidate.status === 'ineligible' || candidate.status === 'unknown') return null;
  const amount = {
    ...result.amount,
    value: candidate.amount,
    months: candidate.months ?? undefined,
    supplement: undefined,
    members: undefined,
  };
  return amountText({ amount }, rule, t, locale);
}

/** Who a member outcome belongs to: the member's name, or "어른 1의 태어날 아기" for a baby not yet born. */
export function memberLabelText(candidate: CandidateResult, nameAt: (index: number) => string, nth: number, t: Translate): string {
  const mother = nameAt(candidate.index);
  if (candidate.possible) return t('results.member.possible', { values: { mother } });
  if (!candidate.unborn) return mother;
  return nth > 0 ? t('results.member.unbornNth', { values: { mother, n: nth } }) : t('results.member.unborn', { values: { mother } });
}

/** Why one member has their status: the unmet conditions, the conditions still open, or when it starts. */
export function memberWhyText(candidate: CandidateResult, rule: Rule, t: Translate, locale: Loc): string[] {
  if (candidate.status === 'upcoming') return [upcomingText(candidate, rule, t, locale)];
  const outcome = candidate.status === 'ineligible' ? 'unmet' : candidate.status === 'unknown' ? 'unknown' : null;
  if (!outcome) return [];
  return candidate.criteria
    .filter((c) => c.outcome === outcome)
    .map((c) => t(outcome === 'unmet' ? 'results.unmet' : 'results.open', { values: { label: pickText(c.label, locale) } }));
}

/** "신청 기한: 2024년 12월 4일 (50일 남음)". */
export function deadlineText(applyBy: string, daysLeft: number | null, t: Translate, locale: Loc): string {
  const date = t('results.deadline', { values: { date: formatDate(applyBy, locale) } });
  if (daysLeft === null || daysLeft < 0) return date;
  const left = daysLeft === 0 ? t('results.lastDay') : t('results.daysLeft', { values: { days: daysLeft } });
  return `${date} (${left})`;
}

/** "월 소득인정액 7,071,985원 이하이면 받을 수 있어요 (3인 가구, 기준 중위소득 150%)". */
export function incomeLimitText(limit: IncomeLimit, t: Translate, locale: Loc): string {
  return t('results.incomeLimit', {
    values: { amount: formatWon(limit.monthlyWon ?? 0, locale), size: limit.householdSize, percent: limit.percent },
  });
}

/** Why an upcoming benefit is not yet receivable, with the date it starts when known. */
export function upcomingText(result: Pick<RuleResult, 'upcomingDate'>, rule: Rule, t: Translate, locale: Loc): string {
  return upcomingLine(result.upcomingDate, rule.upcoming?.label, t, locale);
}

function upcomingLine(date: string | null | undefined, text: Text | undefined, t: Translate, locale: Loc): string {
  const label = pickText(text, locale);
  if (!date) return label;
  const from = t('results.upcomingFrom', { values: { date: formatDate(date, locale) } });
  return label ? `${from}: ${label}` : from;
}

/**
 * An engine reason in words, from the messages the result cards use: the CLI, the CSV and the
 * embed render the engine's codes through the same catalogue.
 */
export function reasonText(reason: Reason, t: Translate, locale: Loc): string {
  const label = pickText(reason.label, locale);
  const income = reason.incomeLimit && reason.incomeLimit.monthlyWon !== null ? ` (${incomeLimitText(reason.incomeLimit, t, locale)})` : '';
  switch (reason.code) {
    case 'criterionUnmet':
      return t('results.unmet', { values: { label } }) + income;
    case 'criterionUnknown':
      return t('results.open', { values: { label } }) + income;
    case 'upcoming':
      return upcomingLine(reason.date, reason.label, t, locale);
    case 'noCandidate':
      return t('results.noCandidate', { values: { label } });
    case 'notInEffect':
      return t('results.notInEffect');
    case 'allMet':
      return t('results.allMet');
    case 'amountUnknown':
      return t('results.amountUnknown');
    case 'error':
      return t('results.error');
  }
}

/**
 * With the reason's label, everything reasonText reads of a reason, as one string: reasons with the
 * same label and key have the same text, so a batch of millions of households words each once.
 */
export function reasonKey(reason: Reason): string {
  const limit = reason.incomeLimit;
  if (!limit && !reason.date) return reason.code;
  const income = limit ? `${limit.monthlyWon} ${limit.householdSize} ${limit.percent}` : '';
  return `${reason.code} ${reason.date ?? ''} ${income}`;
}

/** Why a benefit does not apply: each unmet condition, or the reason the engine gave. */
export function ineligibleText(result: RuleResult, rule: Rule, t: Translate, locale: Loc): string[] {
  const unmet = result.criteria.filter((c) => c.outcome === 'unmet');
  if (unmet.length > 0) return unmet.map((c) => t('results.unmet', { values: { label: pickText(c.label, locale) } }));
  const codes = result.reasons.map((r) => r.code);
  if (codes.includes('notInEffect')) return [t('results.notInEffect')];
  if (codes.includes('noCandidate')) return [t('results.noCandidate', { values: { label: pickText(rule.scope.label, locale) } })];
  return result.reasons.map((r) => reasonText(r, t, locale));
}

/** Ceilings by their period: one-time ("최대 2,000,000원") and monthly ("매달 최대 500,000원"). */
function upToParts(totals: Totals, won: (n: number) => string, t: Translate): string[] {
  const parts: string[] = [];
  if (totals.upTo > 0) parts.push(t('results.upTo', { values: { amount: won(totals.upTo) } }));
  if (totals.upToMonth > 0)
    parts.push(t('results.per.month', { values: { amount: t('results.upTo', { values: { amount: won(totals.upToMonth) } }) } }));
  return parts;
}

/** The totals as label and value lines, in the order every screen and print shows them; lines for nothing are left out. */
export function totalsRows(totals: Totals, rules: Rule[], t: Translate, locale: Loc): { label: string; values: string[]; main: boolean }[] {
  const won = (n: number) => wonText(n, t, locale);
  const limitedAmount = (item: LimitedMonthly) =>
    item.upTo ? t('results.upTo', { values: { amount: won(item.value) } }) : won(item.value);
  const nameOf = (id: string) => pickText(rules.find((r) => r.id === id)?.names, locale);
  const rows = [
    { label: t('results.totals.once'), values: [won(totals.once)], main: true },
    { label: t('results.totals.month'), values: [won(totals.month)], main: true },
  ];
  if (totals.limited.length > 0) {
    const values = totals.limited.map((item) =>
      t('results.totals.limitedItem', {
        values: { name: nameOf(item.id), amount: t('results.perMonths', { values: { amount: limitedAmount(item), months: item.months } }) },
      }),
    );
    rows.push({ label: t('results.totals.limited'), values, main: false });
  }
  if (totals.year > 0) rows.push({ label: t('results.totals.year'), values: [won(totals.year)], main: true });
  const upTo = upToParts(totals, won, t);
  if (upTo.length > 0) rows.push({ label: t('results.totals.upTo'), values: upTo, main: true });
  return rows;
}

/**
 * The totals on one line, for the resident's sticky results bar: each kind of money as the totals
 * section states it ("한 번 700,000원 + 매달 200,000원"), never added across kinds.
 */
export function totalsLine(totals: Totals, t: Translate, locale: Loc): string {
  const won = (n: number) => wonText(n, t, locale);
  const parts: string[] = [];
  if (totals.once > 0) parts.push(t('results.per.once', { values: { amount: won(totals.once) } }));
  if (totals.month > 0) parts.push(t('results.per.month', { values: { amount: won(totals.month) } }));
  for (const item of totals.limited) {
    const amount = item.upTo ? t('results.upTo', { values: { amount: won(item.value) } }) : won(item.value);
    parts.push(t('results.perMonths', { values: { amount, months: item.months } }));
  }
  if (totals.year > 0) parts.push(t('results.per.year', { values: { amount: won(totals.year) } }));
  parts.push(...upToParts(totals, won, t));
  const line = parts.length > 0 ? parts.join(' + ') : won(0);
  return totals.partial ? t('flow.bar.partial', { values: { total: line } }) : line;
}
