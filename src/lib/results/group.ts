/**
 * Results as the resident reads them: grouped by what they can do now, with the question that
 * decides each undecided benefit, the unmet condition of each one that does not apply, the
 * income limit in won where income is unknown, and the totals receivable now.
 */
import { daysBetween, type CriterionOutcome, type Evaluation, type IncomeLimit, type Rule, type RuleResult, type Status } from '../engine';
import { decidingStep, type DecisiveStep } from '../questionnaire/decisive';

export interface ResultView {
  rule: Rule;
  result: RuleResult;
  /** The question that decides it (unknown) or its amount (eligible), as a step id, when one can. */
  decidingStep: string | null;
  /** ineligible: the conditions not met. */
  unmet: CriterionOutcome[];
  /** Income tests still open, with their limit in won for this household's size. */
  incomeLimits: IncomeLimit[];
  /** Days from asOf to applyBy (0 = today is the last day). */
  daysLeft: number | null;
}

export type Group = Status;
export const GROUPS: readonly Group[] = ['eligible', 'unknown', 'upcoming', 'error', 'ineligible'];

export interface GroupedResults {
  groups: Record<Group, ResultView[]>;
  /** Services (rule.kind "service") that may apply, signposted apart from money. */
  services: ResultView[];
  totals: Totals;
}

export interface Totals {
  /** One-time support receivable now (KRW). */
  once: number;
  /** Monthly support receivable now (KRW per month). */
  month: number;
  /** Some eligible benefit's amount is not known yet, so a total may be higher. */
  partial: boolean;
}

function view(rule: Rule, result: RuleResult, evaluation: Evaluation, ranking: DecisiveStep[], idAt: string[]): ResultView {
  return {
    rule,
    result,
    decidingStep: decidingStep(result, ranking, idAt),
    unmet: result.status === 'ineligible' ? result.criteria.filter((c) => c.outcome === 'unmet') : [],
    incomeLimits: result.criteria
      .filter((c) => c.outcome === 'unknown' && c.incomeLimit && c.incomeLimit.monthlyWon !== null)
      .map((c) => c.incomeLimit as IncomeLimit),
    daysLeft: result.applyBy ? daysBetween(evaluation.asOf, result.applyBy) : null,
  };
}

/** Support counted in the totals: money or points the household receives (not fees or services). */
function counts(v: ResultView): boolean {
  const a = v.result.amount;
  return v.rule.kind === 'benefit' && a !== null && (a.kind === 'grant' || a.kind === 'voucher');
}

export function totalsOf(eligible: ResultView[]): Totals {
  const totals: Totals = { once: 0, month: 0, partial: false };
  for (const v of eligible.filter(counts)) {
    const a = v.result.amount!;
    if (a.value === null) totals.partial = true;
    else if (a.per === 'once') totals.once += a.value;
    else if (a.per === 'month') totals.month += a.value;
  }
  return totals;
}

export function groupResults(evaluation: Evaluation, rules: Rule[], ranking: DecisiveStep[] = [], idAt: string[] = []): GroupedResults {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const groups: Record<Group, ResultView[]> = { eligible: [], unknown: [], upcoming: [], ineligible: [], error: [] };
  const services: ResultView[] = [];
  for (const result of evaluation.results) {
    const rule = byId.get(result.id);
    if (!rule) continue;
    const v = view(rule, result, evaluation, ranking, idAt);
    if (rule.kind === 'service' && result.status !== 'ineligible') services.push(v);
    else groups[result.status].push(v);
  }
  const soonest = (a: ResultView, b: ResultView) => (a.result.applyBy ?? '9999').localeCompare(b.result.applyBy ?? '9999');
  groups.eligible.sort(soonest);
  groups.upcoming.sort((a, b) => (a.result.upcomingDate ?? '9999').localeCompare(b.result.upcomingDate ?? '9999'));
  return { groups, services, totals: totalsOf(groups.eligible) };
}
