import { todayInSeoul } from './dates';
import { buildFacts, missingInputs, type HouseholdFacts, type MemberFacts } from './facts';
import { evaluate3, UNKNOWN } from './logic3';
import { incomeLimitWon, valueOn } from './parameters';
import { reason } from './reasons';
import type {
  AmountResult,
  CandidateResult,
  CriterionOutcome,
  Evaluation,
  Household,
  Reason,
  Rule,
  RuleResult,
  Status,
} from './types';
import { assertValidHousehold } from './validate';

export interface EvaluateOptions {
  rules: Rule[];
  /** Overrides household.asOf; default today in Asia/Seoul. */
  asOf?: string;
}

interface Scope {
  asOf: string;
  household: HouseholdFacts;
  params: Record<string, unknown>;
  member: MemberFacts | undefined;
  count: number | undefined;
}

/** Scopes share one shape, so the compiled expressions' property reads stay monomorphic. */
const scopeOf = (base: Scope, member: MemberFacts | undefined, count: number | undefined): Scope => ({
  asOf: base.asOf,
  household: base.household,
  params: base.params,
  member,
  count,
});

const RANK: Record<CandidateResult['status'], number> = { eligible: 0, upcoming: 1, unknown: 2, ineligible: 3 };

/** The inputs the last run() found missing. The engine is synchronous, so one set serves every call. */
const lastMissing = new Set<string>();
const NONE: string[] = [];

function run(logic: unknown, scope: Scope): unknown {
  lastMissing.clear();
  return evaluate3(logic, scope, lastMissing);
}

const known = <T>(v: unknown): T | null => (v === UNKNOWN || v === undefined ? null : (v as T));

const paramsCache = new WeakMap<Rule, { asOf: string; params: Record<string, unknown> }>();

/** The rule's parameters in force on asOf (cached: a batch shares one asOf). */
function resolveParams(rule: Rule, asOf: string): Record<string, unknown> {
  const cached = paramsCache.get(rule);
  if (cached?.asOf === asOf) return cached.params;
  const params: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(rule.parameters ?? {})) params[name] = valueOn(p.values, asOf);
  paramsCache.set(rule, { asOf, params });
  return params;
}

function checkCriteria(rule: Rule, scope: Scope): CriterionOutcome[] {
  return rule.criteria.map((c) => {
    const v = run(c.logic, scope);
    const outcome = v === UNKNOWN ? 'unknown' : v ? 'met' : 'unmet';
    const result: CriterionOutcome = { id: c.id, label: c.label, outcome, missing: outcome === 'unknown' ? [...lastMissing] : NONE };
    if (c.incomeLimitPercent !== undefined) {
      const percent = known<number>(run(c.incomeLimitPercent, scope));
      if (percent !== null) {
        const size = scope.household.size;
        result.incomeLimit = { percent, householdSize: size, monthlyWon: incomeLimitWon(size, percent, scope.asOf) ?? null };
      }
    }
    return result;
  });
}

function checkCandidate(rule: Rule, scope: Scope): CandidateResult {
  const criteria = checkCriteria(rule, scope);
  const unmet = criteria.filter((c) => c.outcome === 'unmet');
  let status: CandidateResult['status'];
  let upcomingDate: string | null = null;
  if (unmet.length === 0 && criteria.every((c) => c.outcome === 'met')) status = 'eligible';
  else if (rule.upcoming && run(rule.upcoming.when, scope) === true && unmet.every((c) => rule.upcoming!.waived.includes(c.id))) {
    status = 'upcoming';
    upcomingDate = rule.upcoming.date === undefined ? null : known<string>(run(rule.upcoming.date, scope));
  } else status = unmet.length > 0 ? 'ineligible' : 'unknown';

  const amount = rule.amount?.basis === 'member' && status !== 'ineligible' ? known<number>(run(rule.amount.value, scope)) : null;
  const missing = status === 'unknown' ? criteria.flatMap((c) => c.missing) : [];
  if (status === 'eligible' && rule.amount?.basis === 'member' && amount === null) missing.push(...lastMissing);
  const applyBy = rule.applyBy !== undefined && status !== 'ineligible' ? known<string>(run(rule.applyBy, scope)) : null;
  return {
    index: scope.member?.index ?? -1,
    unborn: scope.member?.unborn ?? false,
    status,
    criteria,
    missing: missing.length > 1 ? [...new Set(missing)] : missing,
    amount,
    applyBy,
    upcomingDate,
  };
}

function candidatesFor(rule: Rule, facts: HouseholdFacts): MemberFacts[] | null {
  switch (rule.scope.members) {
    case 'household':
      return null;
    case 'child':
      return rule.scope.includeExpected ? [...facts.children, ...facts.expectedChildren] : facts.children;
    case 'adult':
      return facts.adults;
    case 'any':
      return facts.members;
  }
}

function householdAmount(rule: Rule, base: Scope, count: number): { value: number | null; missing: string[] } {
  const value = known<number>(run(rule.amount!.value, scopeOf(base, undefined, count)));
  return { value, missing: [...lastMissing] };
}

function reasonsFor(status: Status, best: CandidateResult | undefined, rule: Rule): Reason[] {
  if (!best) return [];
  const criterionReasons = (outcome: 'unmet' | 'unknown') =>
    best.criteria
      .filter((c) => c.outcome === outcome)
      .map((c) =>
        reason(outcome === 'unmet' ? 'criterionUnmet' : 'criterionUnknown', { criterion: c.id, label: c.label, incomeLimit: c.incomeLimit }),
      );
  switch (status) {
    case 'eligible':
      return [reason('allMet')];
    case 'upcoming':
      return [reason('upcoming', { label: rule.upcoming!.label, date: best.upcomingDate })];
    case 'ineligible':
      return criterionReasons('unmet');
    default:
      return criterionReasons('unknown');
  }
}

export function evaluateRule(rule: Rule, facts: HouseholdFacts, asOf: string): RuleResult {
  const empty = { criteria: [], missing: [], amount: null, applyBy: null, upcomingDate: null };
  if (asOf < rule.validFrom || (rule.validTo && asOf > rule.validTo)) {
    return { id: rule.id, status: 'ineligible', ...empty, reasons: [reason('notInEffect')] };
  }
  const base: Scope = { asOf, household: facts, params: resolveParams(rule, asOf), member: undefined, count: undefined };
  const pool = candidatesFor(rule, facts);
  // A pregnancy not yet asked about could still bring a baby into a rule that counts expected babies.
  const unansweredPregnancies = rule.scope.includeExpected === true ? facts.members.filter((m) => m.pregnant === undefined) : [];
  const pregnancyUnknown = unansweredPregnancies.length > 0;
  const pregnancyMissing = () => unansweredPregnancies.flatMap((m) => missingInputs(m, 'pregnant'));
  if (pool !== null && pool.length === 0) {
    const label = rule.scope.label ?? { ko: '대상 가구원', en: 'an eligible member' };
    return {
      id: rule.id,
      status: pregnancyUnknown ? 'unknown' : 'ineligible',
      ...empty,
      missing: pregnancyUnknown ? pregnancyMissing() : [],
      reasons: [reason(pregnancyUnknown ? 'criterionUnknown' : 'noCandidate', { label })],
    };
  }
  const candidates = pool === null ? [checkCandidate(rule, base)] : pool.map((member) => checkCandidate(rule, scopeOf(base, member, undefined)));
  let best = candidates[0];
  for (const c of candidates) if (RANK[c.status] < RANK[best.status]) best = c;
  const status = best.status === 'ineligible' && pregnancyUnknown ? 'unknown' : best.status;
  const counted = candidates.filter((c) => c.status === status);

  let amount: AmountResult | null = null;
  const missing = new Set(counted.flatMap((c) => c.missing));
  if (status === 'unknown' && best.status === 'ineligible') pregnancyMissing().forEach((m) => missing.add(m));
  if (rule.amount && status !== 'ineligible') {
    const { per, kind, basis } = rule.amount;
    if (basis === 'member') {
      const values = counted.map((c) => c.amount);
      const total = values.includes(null) ? null : (values as number[]).reduce((a, b) => a + b, 0);
      amount = { value: total, per, kind };
      if (pool !== null) amount.members = counted.map((c) => ({ index: c.index, unborn: c.unborn, value: c.amount }));
    } else {
      const { value, missing: amountMissing } = householdAmount(rule, base, pool === null ? 1 : counted.length);
      amount = { value, per, kind };
      if (status === 'eligible') amountMissing.forEach((m) => missing.add(m));
    }
  }
  if (amount && rule.amount?.supplement) {
    const extra = known<number>(run(rule.amount.supplement.value, base));
    amount.value = amount.value === null || extra === null ? null : amount.value + extra;
    amount.supplement = extra;
    if (status === 'eligible') lastMissing.forEach((m) => missing.add(m));
  }
  const reasons = reasonsFor(status, best, rule);
  if (status === 'eligible' && amount?.value === null) reasons.push(reason('amountUnknown'));
  const applyDates = counted.map((c) => c.applyBy).filter((d): d is string => d !== null).sort();
  const upcomingDates = counted.map((c) => c.upcomingDate).filter((d): d is string => d !== null).sort();
  return {
    id: rule.id,
    status,
    criteria: best.criteria,
    missing: [...missing],
    amount,
    applyBy: applyDates[0] ?? null,
    upcomingDate: upcomingDates[0] ?? null,
    reasons,
    ...(pool !== null ? { candidates } : {}),
  };
}

/** Checks every rule for the household. A rule that throws is reported as `error`; the rest go on. */
export function evaluate(household: Household, options: EvaluateOptions): Evaluation {
  assertValidHousehold(household, options.asOf);
  const asOf = options.asOf ?? household.asOf ?? todayInSeoul();
  const facts = buildFacts(household, asOf);
  const results = options.rules.map((rule): RuleResult => {
    try {
      return evaluateRule(rule, facts, asOf);
    } catch (e) {
      return {
        id: rule.id,
        status: 'error',
        criteria: [],
        missing: [],
        amount: null,
        applyBy: null,
        upcomingDate: null,
        reasons: [reason('error')],
        error: e instanceof Error ? e.message : String(e),
      };
    }
  });
  return { asOf, results };
}
