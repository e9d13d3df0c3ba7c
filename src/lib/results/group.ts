/**
 * Results as the resident reads them: grouped by what they can do now, with the question that
 * decides each undecided benefit, the unmet condition of each one that does not apply, the
 * income limit in won where income is unknown, each member's own outcome where members differ,
 * and the totals receivable now.
 */
import {
  daysBetween,
  type CandidateResult,
  type CriterionOutcome,
  type Evaluation,
  type IncomeLimit,
  type Rule,
  type RuleResult,
  type Status,
  type Text,
} from '../engine';
import { deadlinesOf, type Deadline } from '../calendar/deadlines';
import { decidingStep, refForPath, type DecisiveStep } from '../questionnaire/decisive';
import { totalsOf, type Totals } from './totals';

/** One member's (or expected baby's) own outcome of a member-scoped benefit. */
export interface MemberView {
  /** Who: "아이 1", "어른 1의 태어날 아기". */
  label: string;
  candidate: CandidateResult;
  /** The question that decides this member's outcome or amount, as a step id, when one can. */
  decidingStep: string | null;
  /** Set when another benefit is paid for this member instead. */
  replacedBy: Replacement | null;
}

/** The benefit a result is paid instead of, for the card's "instead" line. */
export interface Replacement {
  names: Text;
  why: Text;
}

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
  /** The dates to put in a calendar: the last day to apply, the day it opens (none past). */
  deadlines: Deadline[];
  /** Each member's own outcome, when they differ (otherwise the card speaks for all). */
  members: MemberView[];
  /** Set when another benefit is paid instead, for every member this one counts. */
  replacedBy: Replacement | null;
}

export type Group = Status;
export const GROUPS: readonly Group[] = ['eligible', 'unknown', 'upcoming', 'error', 'ineligible'];

export interface GroupedResults {
  groups: Record<Group, ResultView[]>;
  /** Services (rule.kind "service") that may apply, signposted apart from money. */
  services: ResultView[];
  /** Benefits the household says it already receives (any status but ineligible): apart, and out of the totals. */
  received: ResultView[];
  totals: Totals;
}

/** Names a member's outcome on a card (nth: which of its mother's twins, 0 for a single baby); the app passes one built from its form. */
export type MemberLabel = (candidate: CandidateResult, nth: number) => string;

/** Which of its mother's expected babies each candidate is (1, 2, … for twins; 0 for a single baby or a member). */
function babyNumbers(candidates: CandidateResult[]): number[] {
  return candidates.map((c) => {
    if (!c.unborn || c.possible) return 0;
    const twins = candidates.filter((o) => o.unborn && !o.possible && o.index === c.index);
    return twins.length > 1 ? twins.indexOf(c) + 1 : 0;
  });
}

/** Whether members' outcomes differ enough that one line for the benefit would mislead. */
function membersDiffer(candidates: CandidateResult[]): boolean {
  if (candidates.length < 2) return false;
  const [first] = candidates;
  const why = (c: CandidateResult) => JSON.stringify(c.reasons.map((r) => [r.code, r.criterion]));
  return candidates.some((c) => c.status !== first.status || c.replacedBy !== first.replacedBy || why(c) !== why(first));
}

function stepFor(candidate: CandidateResult, ranking: DecisiveStep[], idAt: string[]): string | null {
  const own = new Set(candidate.missing.map((p) => refForPath(p, idAt)?.step).filter((s): s is string => !!s));
  return ranking.find((s) => own.has(s.step))?.step ?? null;
}

function replacement(id: string, replacedBy: string | undefined, byId: Map<string, Rule>): Replacement | null {
  const by = replacedBy ? byId.get(replacedBy) : undefined;
  const why = by?.instead?.find((i) => i.of === id)?.why;
  return by && why ? { names: by.names, why } : null;
}

function view(rule: Rule, result: RuleResult, context: ViewContext): ResultView {
  const { evaluation, ranking, idAt, label, byId } = context;
  const candidates = result.candidates ?? [];
  const numbers = babyNumbers(candidates);
  return {
    rule,
    result,
    decidingStep: decidingStep(result, ranking, idAt),
    unmet: result.status === 'ineligible' ? result.criteria.filter((c) => c.outcome === 'unmet') : [],
    incomeLimits: result.criteria
      .filter((c) => c.outcome === 'unknown' && c.incomeLimit && c.incomeLimit.monthlyWon !== null)
      .map((c) => c.incomeLimit as IncomeLimit),
    daysLeft: result.applyBy ? daysBetween(evaluation.asOf, result.applyBy) : null,
    deadlines: deadlinesOf(result, evaluation.asOf),
    members:
      label && membersDiffer(candidates)
        ? candidates.map((candidate, i) => ({
            label: label(candidate, numbers[i]),
            candidate,
            decidingStep: stepFor(candidate, ranking, idAt),
            replacedBy: replacement(result.id, candidate.replacedBy, byId),
          }))
        : [],
    replacedBy: replacement(result.id, result.replacedBy, byId),
  };
}

interface ViewContext {
  evaluation: Evaluation;
  ranking: DecisiveStep[];
  idAt: string[];
  label: MemberLabel | undefined;
  byId: Map<string, Rule>;
}

export function groupResults(
  evaluation: Evaluation,
  rules: Rule[],
  ranking: DecisiveStep[] = [],
  idAt: string[] = [],
  label?: MemberLabel,
  received: ReadonlySet<string> = new Set(),
): GroupedResults {
  const byId = new Map(rules.map((r) => [r.id, r]));
  const context: ViewContext = { evaluation, ranking, idAt, label, byId };
  const groups: Record<Group, ResultView[]> = { eligible: [], unknown: [], upcoming: [], ineligible: [], error: [] };
  const services: ResultView[] = [];
  const already: ResultView[] = [];
  for (const result of evaluation.results) {
    const rule = byId.get(result.id);
    if (!rule) continue;
    const v = view(rule, result, context);
    if (received.has(result.id) && result.status !== 'ineligible') already.push(v);
    else if (rule.kind === 'service' && result.status !== 'ineligible') services.push(v);
    else groups[result.status].push(v);
  }
  const soonest = (a: ResultView, b: ResultView) => (a.result.applyBy ?? '9999').localeCompare(b.result.applyBy ?? '9999');
  groups.eligible.sort(soonest);
  groups.upcoming.sort((a, b) => (a.result.upcomingDate ?? '9999').localeCompare(b.result.upcomingDate ?? '9999'));
  return { groups, services, received: already, totals: totalsOf(evaluation, rules, received) };
}
