/**
 * The CLI's JSON shape, which the embed's `results` event and message carry too: one language
 * chosen, labels and reasons as plain strings. A contract with other tools: fields are added,
 * never renamed (README "Command line").
 */
import type { CandidateResult, CriterionOutcome, Evaluation, Rule, RuleResult, Text } from '../engine';
import { totalsOf } from './totals';

export type Lang = 'ko' | 'en';

const pick = (text: Text | undefined, lang: Lang) => (text ? text[lang] : undefined);

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
    reasons: c.reasons.map((r) => r.text[lang]),
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
    reasons: result.reasons.map((r) => r.text[lang]),
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
