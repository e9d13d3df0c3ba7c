/**
 * The applicant's printed summary, in one language: what they can get, how much, by when, what to
 * bring and where to apply. Built twice when staff add a second language, from the same evaluation,
 * so the two columns list the same benefits in the same order.
 */
import type { Evaluation, Rule, Text } from '../engine';
import { formatDate, pickText } from '../i18n/format';
import type { Translate } from '../questionnaire/labels';
import { groupResults, type MemberLabel, type ResultView } from '../results/group';
import { amountText, memberAmountText, memberWhyText, totalsRows, upcomingText } from '../results/text';

export interface PrintItem {
  id: string;
  name: string;
  /** The benefit's names in every language: a translated column shows the Korean official name beside its own. */
  names: Text;
  amount: string | null;
  deadline: string | null;
  /** Upcoming: when (or after what) it can be received. */
  from: string | null;
  documents: string[];
  where: string[];
  /** Each member's own outcome, where members differ: "아이 1: 받을 수 있어요 · 매달 100,000원". */
  members: string[];
}

export interface PrintSections {
  eligible: PrintItem[];
  upcoming: PrintItem[];
  /** Names of benefits that need more checking. */
  unknown: string[];
  /** What the household can receive now, as on the results screen. */
  totals: { label: string; values: string[] }[];
}

function whereToApply(rule: Rule, t: Translate, locale: string): string[] {
  const { apply } = rule;
  const lines: string[] = [];
  if (apply.automatic) lines.push(t('results.apply.automatic'));
  if (apply.online?.length)
    lines.push(`${t('results.apply.online')}: ${apply.online.map((s) => `${pickText(s.name, locale)} (${s.url})`).join(', ')}`);
  if (apply.app?.length) lines.push(`${t('results.apply.app')}: ${apply.app.map((a) => pickText(a, locale)).join(', ')}`);
  if (apply.offline?.length) lines.push(`${t('results.apply.offline')}: ${apply.offline.map((a) => pickText(a, locale)).join(', ')}`);
  if (apply.phone?.length) lines.push(`${t('results.apply.phone')}: ${apply.phone.join(', ')}`);
  return lines;
}

function item(view: ResultView, t: Translate, locale: string): PrintItem {
  const { rule, result } = view;
  return {
    id: rule.id,
    name: pickText(rule.names, locale),
    names: rule.names,
    amount: amountText(result, rule, t, locale),
    deadline: result.applyBy ? formatDate(result.applyBy, locale) : null,
    from: result.status === 'upcoming' ? upcomingText(result, rule, t, locale) || null : null,
    documents: (rule.apply.documents ?? []).map((d) => pickText(d, locale)),
    where: whereToApply(rule, t, locale),
    members: view.members.map(({ label, candidate }) =>
      [
        `${label}: ${t(`results.status.${candidate.status}`)}`,
        memberAmountText(candidate, result, rule, t, locale),
        ...memberWhyText(candidate, rule, t, locale),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  };
}

export function printSections(evaluation: Evaluation, rules: Rule[], t: Translate, locale: string, label?: MemberLabel): PrintSections {
  const { groups, services, totals } = groupResults(evaluation, rules, [], [], label);
  const of = (views: ResultView[]) => views.map((v) => item(v, t, locale));
  return {
    eligible: of([...groups.eligible, ...services.filter((v) => v.result.status === 'eligible')]),
    upcoming: of([...groups.upcoming, ...services.filter((v) => v.result.status === 'upcoming')]),
    unknown: [...groups.unknown, ...services.filter((v) => v.result.status === 'unknown')].map((v) => pickText(v.rule.names, locale)),
    totals: totalsRows(totals, rules, t, locale),
  };
}
