/** The CLI's JSON shape: one language chosen, labels and reasons as plain strings. */
import type { Evaluation, Rule, RuleResult, Text } from '../engine';

export type Lang = 'ko' | 'en';

export function cliResult(result: RuleResult, rule: Rule | undefined, lang: Lang) {
  const t = (text: Text | undefined) => (text ? text[lang] : undefined);
  return {
    id: result.id,
    name: t(rule?.names),
    status: result.status,
    amount: result.amount
      ? {
          value: result.amount.value,
          per: result.amount.per,
          kind: result.amount.kind,
          ...(result.amount.members ? { members: result.amount.members } : {}),
        }
      : null,
    criteria: result.criteria.map((c) => ({
      id: c.id,
      label: t(c.label),
      outcome: c.outcome,
      ...(c.incomeLimit ? { incomeLimit: c.incomeLimit } : {}),
    })),
    missing: result.missing,
    applyBy: result.applyBy,
    upcomingDate: result.upcomingDate,
    reasons: result.reasons.map((r) => r.text[lang]),
    ...(result.error ? { error: result.error } : {}),
  };
}

export function cliEvaluation(evaluation: Evaluation, rules: Rule[], lang: Lang) {
  const byId = new Map(rules.map((r) => [r.id, r]));
  return { asOf: evaluation.asOf, results: evaluation.results.map((r) => cliResult(r, byId.get(r.id), lang)) };
}
