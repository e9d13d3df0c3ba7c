/**
 * The applicant's printed summary, in one language: what they can get, how much, by when, what to
 * bring and where to apply. Built twice when staff add a second language, from the same evaluation,
 * so the two columns list the same benefits in the same order.
 */
import type { Evaluation, Rule } from '../engine';
import { formatDate, pickText } from '../i18n/format';
import type { Translate } from '../questionnaire/labels';
import { groupResults, type ResultView } from '../results/group';
import { amountText, upcomingText } from '../results/text';

export interface PrintItem {
  id: string;
  name: string;
  amount: string | null;
  deadline: string | null;
  /** Upcoming: when (or after what) it can be received. */
  from: string | null;
  documents: string[];
  where: string[];
}

export interface PrintSections {
  eligible: PrintItem[];
  upcoming: PrintItem[];
  /** Names of benefits that need more checking. */
  unknown: string[];
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
    amount: amountText(result, rule, t, locale),
    deadline: result.applyBy ? formatDate(result.applyBy, locale) : null,
    from: result.status === 'upcoming' ? upcomingText(result, rule, t, locale) || null : null,
    documents: (rule.apply.documents ?? []).map((d) => pickText(d, locale)),
    where: whereToApply(rule, t, locale),
  };
}

export function printSections(evaluation: Evaluation, rules: Rule[], t: Translate, locale: string): PrintSections {
  const { groups, services } = groupResults(evaluation, rules);
  const of = (views: ResultView[]) => views.map((v) => item(v, t, locale));
  return {
    eligible: of([...groups.eligible, ...services.filter((v) => v.result.status === 'eligible')]),
    upcoming: of([...groups.upcoming, ...services.filter((v) => v.result.status === 'upcoming')]),
    unknown: [...groups.unknown, ...services.filter((v) => v.result.status === 'unknown')].map((v) => pickText(v.rule.names, locale)),
  };
}
