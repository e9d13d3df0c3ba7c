/**
 * The CLI's JSON shape, which the embed's `results` event and message carry too: one language
 * chosen, labels and reasons as plain strings (reasons from the same messages as the app's). A
 * contract with other tools: fields are added, never renamed (README "Command line").
 */
import type { CandidateResult, CriterionOutcome, Evaluation, Reason, Rule, RuleResult, Text } from '../engine';
import type { Locale } from '../languages';
import { pickText } from '../i18n/format';
import type { Translate } from '../i18n/translator';
import { reasonText } from './text';
import { totalsOf } from './totals';

/** The language of a payload, with the translator over its messages. */
export interface Lang {
  code: Locale;
  t: Translate;
}

const pick = (text: Text | undefined, lang: Lang) => (text ? pickText(text, lang.code) : undefined);
const reasonsOf = (reasons: Reason[], lang: Lang) => reasons.map((r) => reasonText(r, lang.t, lang.code));

const criteriaOf = (criteria: CriterionOutcome[], lang: Lang) =>
  criteria.map((c) => ({
    id: c.id,
    label: pick(c.label, lang),
    outcome: c.outcome,
    ...(c.incomeLimit ? { incomeLimit: c.incomeLimit } : {}),
  }));

/** One member's (or expected baby's) own outcome. */
function memberOf(c: CandidateResult, lang: Lang) {
  return {
    index: c.index,
    unborn: c.unborn,
    possible: c.possible,
    status: c.status,
    amount: c.amount,
    months: c.months,
    criteria: criteriaOf(c.criteria, lang),
    missing: c.missing,
    applyBy: c.applyBy,
    upcomingDate: c.upcomingDate,
    reasons: reasonsOf(c.reasons, lang),
    ...(c.replacedBy ? { replacedBy: c.replacedBy } : {}),
  };
}

export function cliResult(result: RuleResult, rule: Rule | undefined, lang: Lang) {
  const a = result.amount;
  return {
    id: result.id,
    name: pick(rule?.names, lang),
    status: result.status,
    amount: a
      ? {
          value: a.value,
          per: a.per,
          kind: a.kind,
          ...(a.members ? { members: a.members } : {}),
          ...(a.upTo ? { upTo: true } : {}),
          ...(a.months !== undefined ? { months: a.months } : {}),
        }
      : null,
    criteria: criteriaOf(result.criteria, lang),
    missing: result.missing,
    applyBy: result.applyBy,
    upcomingDate: result.upcomingDate,
    reasons: reasonsOf(result.reasons, lang),
    ...(result.candidates ? { members: result.candidates.map((c) => memberOf(c, lang)) } : {}),
    ...(result.replacedBy ? { replacedBy: result.replacedBy } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}

export function cliEvaluation(evaluation: Evaluation, rules: Rule[], lang: Lang) {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return {
    asOf: evaluation.asOf,
    results: evaluation.results.map((r) => cliResult(r, byId.get(r.id), lang)),
    totals: totalsOf(evaluation, rules),
  };
}
