import { isIsoDate, todayInSeoul } from './dates';
import { buildFacts, type HouseholdFacts, type MemberFacts } from './facts';
import { compile, readsMember, UNKNOWN } from './logic3';
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
  /** sameForEveryone: the criterion reads no member, so one outcome serves every candidate. */
  criteria: { fn: Fn; incomeLimit: Fn | null; waived: boolean; sameForEveryone: boolean }[];
  upcomingWhen: Fn | null;
  upcomingDate: Fn | null;
  amount: Fn | null;
  months: Fn | null;
  supplement: Fn | null;
  applyBy: Fn | null;
}

const compiledRules = new WeakMap<Rule, CompiledRule>();

function compiledRule(rule: Rule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (!compiled) {
    const maybe = (logic: unknown) => (logic === undefined ? null : compile(logic));
    const waived = new Set(rule.upcoming?.waived ?? []);
    compiled = {
      criteria: rule.criteria.map((c) => ({
        fn: compile(c.logic),
        incomeLimit: maybe(c.incomeLimitPercent),
        waived: waived.has(c.id),
        sameForEveryone: !readsMember(c.logic) && !readsMember(c.incomeLimitPercent),
      })),
      upcomingWhen: maybe(rule.upcoming?.when),
      upcomingDate: maybe(rule.upcoming?.date),
      amount: maybe(rule.amount?.value),
      months: maybe(rule.amount?.months),
      supplement: maybe(rule.amount?.supplement?.value),
      applyBy: maybe(rule.applyBy),
    };
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

const known = <T>(v: unknown): T | null => (v === UNKNOWN || v === undefined ? null : (v as T));

/** A date a rule computed, when it is one: results only ever carry real YYYY-MM-DD dates. */
const knownDate = (v: unknown): string | null => (isIsoDate(v) ? v : null);

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

/**
 * Outcomes of a rule's member-free criteria, kept while its candidates are checked: a criterion
 * that looks at the whole household (e.g. "some child aged 12 or under") would otherwise be
 * recomputed for each member, and work would grow with the square of the household.
 */
type Shared = (CriterionOutcome | undefined)[];

function checkCriteria(rule: Rule, compiled: CompiledRule, scope: Scope, shared: Shared): CriterionOutcome[] {
  const outcomes: CriterionOutcome[] = new Array(rule.criteria.length);
  for (let i = 0; i < rule.criteria.length; i += 1) {
    const kept = shared[i];
    if (kept) {
      outcomes[i] = kept;
      continue;
    }
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
    if (compiled.criteria[i].sameForEveryone) shared[i] = result;
  }
  return outcomes;
}

const unique = (list: string[]): string[] => (list.length > 1 ? [...new Set(list)] : list);

/**
 * The status lattice for one candidate (rules/README.md, "How the engine reads a rule"):
 * eligible when every criterion is met; ineligible when a criterion that is not waived is unmet;
 * upcoming when the only unmet criteria are waived, `upcoming.when` holds and every criterion that
 * is not waived is met; unknown otherwise, with the inputs that would decide it.
 */
function candidateStatus(
  compiled: CompiledRule,
  criteria: CriterionOutcome[],
  scope: Scope,
): { status: CandidateResult['status']; missing: string[]; upcomingDate: string | null } {
  let unmetWaived = 0;
  let unknownOpen = 0;
  for (let i = 0; i < criteria.length; i += 1) {
    const { outcome } = criteria[i];
    if (outcome === 'unmet') {
      if (!compiled.criteria[i].waived) return { status: 'ineligible', missing: NONE, upcomingDate: null };
      unmetWaived += 1;
    } else if (outcome === 'unknown') unknownOpen += compiled.criteria[i].waived ? 0 : 1;
  }
  const undecided = () => unique(criteria.flatMap((c) => c.missing));
  if (unmetWaived === 0) {
    return unknownOpen === 0 && criteria.every((c) => c.outcome === 'met')
      ? { status: 'eligible', missing: NONE, upcomingDate: null }
      : { status: 'unknown', missing: undecided(), upcomingDate: null };
  }
  if (!compiled.upcomingWhen) return { status: 'ineligible', missing: NONE, upcomingDate: null };
  const when = run(compiled.upcomingWhen, scope);
  if (when === UNKNOWN) return { status: 'unknown', missing: unique([...undecided(), ...lastMissing]), upcomingDate: null };
  if (when !== true) return { status: 'ineligible', missing: NONE, upcomingDate: null };
  if (unknownOpen > 0) return { status: 'unknown', missing: undecided(), upcomingDate: null };
  const upcomingDate = compiled.upcomingDate ? knownDate(run(compiled.upcomingDate, scope)) : null;
  return { status: 'upcoming', missing: NONE, upcomingDate };
}

function criterionReasons(criteria: CriterionOutcome[], outcome: 'unmet' | 'unknown'): Reason[] {
  return criteria
    .filter((c) => c.outcome === outcome)
    .map((c) =>
      reason(outcome === 'unmet' ? 'criterionUnmet' : 'criterionUnknown', { criterion: c.id, label: c.label, incomeLimit: c.incomeLimit }),
    );
}

/** Why a candidate (or, for the best one, the whole benefit) has its status. */
function reasonsFor(status: Status, criteria: CriterionOutcome[], rule: Rule, upcomingDate: string | null, amountKnown: boolean): Reason[] {
  switch (status) {
    case 'eligible':
      return amountKnown ? [reason('allMet')] : [reason('allMet'), reason('amountUnknown')];
    case 'upcoming':
      return [reason('upcoming', { label: rule.upcoming!.label, date: upcomingDate })];
    case 'ineligible':
      return criterionReasons(criteria, 'unmet');
    default:
      return criterionReasons(criteria, 'unknown');
  }
}

function checkCandidate(rule: Rule, compiled: CompiledRule, scope: Scope, shared: Shared): CandidateResult {
  const criteria = checkCriteria(rule, compiled, scope, shared);
  const { status, missing: undecided, upcomingDate } = candidateStatus(compiled, criteria, scope);
  let missing = undecided;
  const perMember = rule.amount?.basis === 'member';
  let amount: number | null = null;
  let months: number | null = null;
  if (status !== 'ineligible' && perMember) {
    if (compiled.amount) {
      amount = known<number>(run(compiled.amount, scope));
      if (status !== 'unknown' && amount === null) missing = unique([...missing, ...lastMissing]);
    }
    if (compiled.months) {
      months = known<number>(run(compiled.months, scope));
      if (status !== 'unknown' && months === null) missing = unique([...missing, ...lastMissing]);
    }
  }
  const applyBy = compiled.applyBy && status !== 'ineligible' ? knownDate(run(compiled.applyBy, scope)) : null;
  const amountKnown = !perMember || !compiled.amount || amount !== null;
  return {
    index: scope.member?.index ?? -1,
    unborn: scope.member?.unborn ?? false,
    possible: scope.member?.possible ?? false,
    status,
    criteria,
    reasons: reasonsFor(status, criteria, rule, upcomingDate, amountKnown),
    missing,
    amount,
    months,
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

const earliest = (a: string | null, b: string | null) => (a === null || (b !== null && b < a) ? b : a);

function result(id: string, status: Status, reasons: Reason[], missing: string[] = NONE): RuleResult {
  return { id, status, criteria: [], missing, amount: null, applyBy: null, upcomingDate: null, reasons, candidates: undefined };
}

/** The same number for every candidate counted, or null when they differ or one is unknown. */
function common(values: (number | null)[]): number | null {
  const first = values[0] ?? null;
  return values.every((v) => v === first) ? first : null;
}

function amountOf(
  rule: Rule,
  compiled: CompiledRule,
  base: Scope,
  counted: CandidateResult[],
  pool: MemberFacts[] | null,
  status: Status,
  missing: Set<string>,
): AmountResult | null {
  if (!rule.amount || status === 'ineligible') return null;
  const { per, kind, basis, upTo } = rule.amount;
  const open = (fn: Fn, scope: Scope) => {
    const v = known<number>(run(fn, scope));
    if (status !== 'unknown' && v === null) for (const m of lastMissing) missing.add(m);
    return v;
  };
  let amount: AmountResult;
  if (basis === 'member') {
    let total: number | null = 0;
    for (const c of counted) total = total === null || c.amount === null ? null : total + c.amount;
    amount = { value: total, per, kind };
    if (pool !== null) amount.members = counted.map((c) => ({ index: c.index, unborn: c.unborn, value: c.amount }));
    if (compiled.months) amount.months = common(counted.map((c) => c.months));
  } else {
    const scope = scopeOf(base, undefined, pool === null ? 1 : counted.length);
    amount = { value: compiled.amount ? open(compiled.amount, scope) : null, per, kind };
    if (compiled.months) amount.months = open(compiled.months, scope);
  }
  if (upTo) amount.upTo = true;
  if (compiled.supplement) {
    const extra = open(compiled.supplement, base);
    amount.value = amount.value === null || extra === null ? null : amount.value + extra;
    amount.supplement = extra;
  }
  return amount;
}

export function evaluateRule(rule: Rule, facts: HouseholdFacts, asOf: string, tree: ParameterTree): RuleResult {
  if (asOf < rule.validFrom || (rule.validTo && asOf > rule.validTo)) return result(rule.id, 'ineligible', [reason('notInEffect')]);
  const compiled = compiledRule(rule);
  const base: Scope = { asOf, tree, household: facts, params: resolveParams(rule, asOf, tree), member: undefined, count: undefined };
  const pool = candidatesFor(rule, facts);
  if (pool !== null && pool.length === 0) {
    return result(rule.id, 'ineligible', [reason('noCandidate', { label: rule.scope.label })]);
  }
  const shared: Shared = new Array(rule.criteria.length);
  const candidates =
    pool === null
      ? [checkCandidate(rule, compiled, base, shared)]
      : pool.map((member) => checkCandidate(rule, compiled, scopeOf(base, member, undefined), shared));
  let best = candidates[0];
  for (const c of candidates) if (RANK[c.status] < RANK[best.status]) best = c;
  const status = best.status;
  const counted = candidates.filter((c) => c.status === status);

  const missing = new Set<string>();
  for (const c of counted) for (const m of c.missing) missing.add(m);
  const amount = amountOf(rule, compiled, base, counted, pool, status, missing);
  const reasons = [...best.reasons];
  if (status === 'eligible' && amount?.value === null && !reasons.some((r) => r.code === 'amountUnknown'))
    reasons.push(reason('amountUnknown'));
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

/** A key per candidate that names the same person (or expected baby) in every rule's result. */
function candidateKeys(candidates: CandidateResult[]): string[] {
  const seen = new Map<string, number>();
  return candidates.map((c) => {
    const person = `${c.unborn ? (c.possible ? 'p' : 'u') : 'm'}${c.index}`;
    const n = seen.get(person) ?? 0;
    seen.set(person, n + 1);
    return `${person}#${n}`;
  });
}

/**
 * Rule.instead: while a benefit is eligible, the benefits it stands in for are not paid — to the
 * same members when both are member-scoped, else to the household. They keep their own status
 * (the household does qualify) and are marked `replacedBy`, so totals count the one it takes.
 */
function applyInstead(rules: Rule[], results: RuleResult[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const rule of rules) {
    const taken = byId.get(rule.id);
    if (!rule.instead || !taken || taken.status === 'error') continue;
    for (const { of } of rule.instead) {
      const other = byId.get(of);
      if (!other || other.status === 'error') continue;
      if (taken.candidates && other.candidates) {
        const keys = candidateKeys(taken.candidates);
        const eligible = new Set(keys.filter((_, i) => taken.candidates![i].status === 'eligible'));
        candidateKeys(other.candidates).forEach((key, i) => {
          if (eligible.has(key)) other.candidates![i].replacedBy = rule.id;
        });
        const counted = other.candidates.filter((c) => c.status === other.status);
        if (counted.length > 0 && counted.every((c) => c.replacedBy !== undefined)) other.replacedBy = rule.id;
      } else if (taken.status === 'eligible') {
        other.replacedBy = rule.id;
        for (const c of other.candidates ?? []) c.replacedBy = rule.id;
      }
    }
  }
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
  applyInstead(options.rules, results);
  return { asOf, results };
}
