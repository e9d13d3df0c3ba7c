import { todayInSeoul } from './dates';
import { buildFacts, type HouseholdFacts, type MemberFacts } from './facts';
import { compile, UNKNOWN } from './logic3';
import { incomeLimitWon, parameterOn, resolveParameter, type ParameterTree } from './parameters';
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
  RuleSet,
  Status,
} from './types';
import { assertValidHousehold } from './validate';

/** The rules, the shared parameters they name (rules/parameters/, 기준 중위소득 among them), and the date. */
export interface EvaluateOptions extends RuleSet {
  /** Overrides household.asOf; default today in Asia/Seoul. */
  asOf?: string;
}

interface Scope {
  asOf: string;
  tree: ParameterTree;
  household: HouseholdFacts;
  params: Record<string, unknown>;
  member: MemberFacts | undefined;
  count: number | undefined;
}

/** Scopes share one shape, so the compiled expressions' property reads stay monomorphic. */
const scopeOf = (base: Scope, member: MemberFacts | undefined, count: number | undefined): Scope => ({
  asOf: base.asOf,
  tree: base.tree,
  household: base.household,
  params: base.params,
  member,
  count,
});

const RANK: Record<CandidateResult['status'], number> = { eligible: 0, upcoming: 1, unknown: 2, ineligible: 3 };

/** The inputs the last run() found missing. The engine is synchronous, so one set serves every call. */
const lastMissing = new Set<string>();
const NONE: string[] = [];

type Fn = ReturnType<typeof compile>;

function run(fn: Fn, scope: Scope): unknown {
  // Set#clear allocates a fresh table even when empty, and most runs find nothing missing.
  if (lastMissing.size > 0) lastMissing.clear();
  return fn(scope, lastMissing);
}

/** A rule's expressions compiled once, so evaluating a household does no per-expression lookups. */
interface CompiledRule {
  criteria: { fn: Fn; incomeLimit: Fn | null }[];
  upcomingWhen: Fn | null;
  upcomingDate: Fn | null;
  amount: Fn | null;
  supplement: Fn | null;
  applyBy: Fn | null;
}

const compiledRules = new WeakMap<Rule, CompiledRule>();

function compiledRule(rule: Rule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (!compiled) {
    const maybe = (logic: unknown) => (logic === undefined ? null : compile(logic));
    compiled = {
      criteria: rule.criteria.map((c) => ({ fn: compile(c.logic), incomeLimit: maybe(c.incomeLimitPercent) })),
      upcomingWhen: maybe(rule.upcoming?.when),
      upcomingDate: maybe(rule.upcoming?.date),
      amount: maybe(rule.amount?.value),
      supplement: maybe(rule.amount?.supplement?.value),
      applyBy: maybe(rule.applyBy),
    };
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

const known = <T>(v: unknown): T | null => (v === UNKNOWN || v === undefined ? null : (v as T));

const paramsCache = new WeakMap<Rule, { asOf: string; tree: ParameterTree; params: Record<string, unknown> }>();

/** The rule's parameters in force on asOf, shared ones taken from the tree (cached: a batch shares one asOf). */
function resolveParams(rule: Rule, asOf: string, tree: ParameterTree): Record<string, unknown> {
  const cached = paramsCache.get(rule);
  if (cached?.asOf === asOf && cached.tree === tree) return cached.params;
  const params: Record<string, unknown> = {};
  for (const [name, declared] of Object.entries(rule.parameters ?? {})) {
    const parameter = resolveParameter(declared, tree);
    if (!parameter) throw new Error(`parameter "${name}" names no shared parameter`);
    params[name] = parameterOn(parameter, asOf);
  }
  paramsCache.set(rule, { asOf, tree, params });
  return params;
}

function checkCriteria(rule: Rule, compiled: CompiledRule, scope: Scope): CriterionOutcome[] {
  const outcomes: CriterionOutcome[] = new Array(rule.criteria.length);
  for (let i = 0; i < rule.criteria.length; i += 1) {
    const c = rule.criteria[i];
    const v = run(compiled.criteria[i].fn, scope);
    const outcome = v === UNKNOWN ? 'unknown' : v ? 'met' : 'unmet';
    const result: CriterionOutcome = { id: c.id, label: c.label, outcome, missing: outcome === 'unknown' ? [...lastMissing] : NONE };
    const incomeLimit = compiled.criteria[i].incomeLimit;
    if (incomeLimit) {
      const percent = known<number>(run(incomeLimit, scope));
      if (percent !== null) {
        const size = scope.household.size;
        result.incomeLimit = { percent, householdSize: size, monthlyWon: incomeLimitWon(size, percent, scope.asOf, scope.tree) ?? null };
      }
    }
    outcomes[i] = result;
  }
  return outcomes;
}

function checkCandidate(rule: Rule, compiled: CompiledRule, scope: Scope): CandidateResult {
  const criteria = checkCriteria(rule, compiled, scope);
  let unmet = 0;
  let unknown = 0;
  let unmetNotWaived = 0;
  for (const c of criteria) {
    if (c.outcome === 'unmet') {
      unmet += 1;
      if (!rule.upcoming?.waived.includes(c.id)) unmetNotWaived += 1;
    } else if (c.outcome === 'unknown') unknown += 1;
  }
  let status: CandidateResult['status'];
  let upcomingDate: string | null = null;
  if (unmet === 0 && unknown === 0) status = 'eligible';
  else if (compiled.upcomingWhen && unmetNotWaived === 0 && run(compiled.upcomingWhen, scope) === true) {
    status = 'upcoming';
    upcomingDate = compiled.upcomingDate ? known<string>(run(compiled.upcomingDate, scope)) : null;
  } else status = unmet > 0 ? 'ineligible' : 'unknown';

  let missing: string[] = status === 'unknown' ? criteria.flatMap((c) => c.missing) : NONE;
  const perMemberAmount = rule.amount?.basis === 'member' && compiled.amount !== null;
  const amount = perMemberAmount && status !== 'ineligible' ? known<number>(run(compiled.amount!, scope)) : null;
  if (status === 'eligible' && perMemberAmount && amount === null) missing = [...lastMissing];
  const applyBy = compiled.applyBy && status !== 'ineligible' ? known<string>(run(compiled.applyBy, scope)) : null;
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
      return rule.scope.includeExpected ? facts.$childrenAndExpected : facts.children;
    case 'adult':
      return facts.adults;
    case 'any':
      return facts.members;
  }
}

function reasonsFor(status: Status, best: CandidateResult, rule: Rule): Reason[] {
  const criterionReasons = (outcome: 'unmet' | 'unknown') =>
    best.criteria
      .filter((c) => c.outcome === outcome)
      .map((c) =>
        reason(outcome === 'unmet' ? 'criterionUnmet' : 'criterionUnknown', {
          criterion: c.id,
          label: c.label,
          incomeLimit: c.incomeLimit,
        }),
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

const earliest = (a: string | null, b: string | null) => (a === null || (b !== null && b < a) ? b : a);

function result(id: string, status: Status, reasons: Reason[], missing: string[] = NONE): RuleResult {
  return { id, status, criteria: [], missing, amount: null, applyBy: null, upcomingDate: null, reasons, candidates: undefined };
}

export function evaluateRule(rule: Rule, facts: HouseholdFacts, asOf: string, tree: ParameterTree): RuleResult {
  if (asOf < rule.validFrom || (rule.validTo && asOf > rule.validTo)) return result(rule.id, 'ineligible', [reason('notInEffect')]);
  const compiled = compiledRule(rule);
  const base: Scope = { asOf, tree, household: facts, params: resolveParams(rule, asOf, tree), member: undefined, count: undefined };
  const pool = candidatesFor(rule, facts);
  // A pregnancy not yet asked about could still bring a baby into a rule that counts expected babies.
  const pregnancyMissing = rule.scope.includeExpected === true ? facts.$unansweredPregnancies : NONE;
  const pregnancyUnknown = pregnancyMissing.length > 0;
  if (pool !== null && pool.length === 0) {
    const label = rule.scope.label ?? { ko: '대상 가구원', en: 'an eligible member' };
    return pregnancyUnknown
      ? result(rule.id, 'unknown', [reason('criterionUnknown', { label })], pregnancyMissing)
      : result(rule.id, 'ineligible', [reason('noCandidate', { label })]);
  }
  const candidates =
    pool === null
      ? [checkCandidate(rule, compiled, base)]
      : pool.map((member) => checkCandidate(rule, compiled, scopeOf(base, member, undefined)));
  let best = candidates[0];
  for (const c of candidates) if (RANK[c.status] < RANK[best.status]) best = c;
  const status = best.status === 'ineligible' && pregnancyUnknown ? 'unknown' : best.status;
  const counted = candidates.filter((c) => c.status === status);

  const missing = new Set<string>();
  for (const c of counted) for (const m of c.missing) missing.add(m);
  if (status === 'unknown' && best.status === 'ineligible') for (const m of pregnancyMissing) missing.add(m);
  let amount: AmountResult | null = null;
  if (rule.amount && status !== 'ineligible') {
    const { per, kind, basis } = rule.amount;
    if (basis === 'member') {
      let total: number | null = 0;
      for (const c of counted) total = total === null || c.amount === null ? null : total + c.amount;
      amount = { value: total, per, kind };
      if (pool !== null) amount.members = counted.map((c) => ({ index: c.index, unborn: c.unborn, value: c.amount }));
    } else {
      amount = { value: known<number>(run(compiled.amount!, scopeOf(base, undefined, pool === null ? 1 : counted.length))), per, kind };
      if (status === 'eligible') for (const m of lastMissing) missing.add(m);
    }
    if (compiled.supplement) {
      const extra = known<number>(run(compiled.supplement, base));
      amount.value = amount.value === null || extra === null ? null : amount.value + extra;
      amount.supplement = extra;
      if (status === 'eligible') for (const m of lastMissing) missing.add(m);
    }
  }
  const reasons = reasonsFor(status, best, rule);
  if (status === 'eligible' && amount?.value === null) reasons.push(reason('amountUnknown'));
  let applyBy: string | null = null;
  let upcomingDate: string | null = null;
  for (const c of counted) {
    applyBy = earliest(applyBy, c.applyBy);
    upcomingDate = earliest(upcomingDate, c.upcomingDate);
  }
  return {
    id: rule.id,
    status,
    criteria: best.criteria,
    missing: missing.size === 0 ? NONE : [...missing],
    amount,
    applyBy,
    upcomingDate,
    reasons,
    candidates: pool === null ? undefined : candidates,
  };
}

/** Checks every rule for the household. A rule that throws is reported as `error`; the rest go on. */
export function evaluate(household: Household, options: EvaluateOptions): Evaluation {
  assertValidHousehold(household, options.asOf);
  const asOf = options.asOf ?? household.asOf ?? todayInSeoul();
  const facts = buildFacts(household, asOf, options.parameters);
  const results = options.rules.map((rule): RuleResult => {
    try {
      return evaluateRule(rule, facts, asOf, options.parameters);
    } catch (e) {
      return { ...result(rule.id, 'error', [reason('error')]), error: e instanceof Error ? e.message : String(e) };
    }
  });
  return { asOf, results };
}
