import { isIsoDate, todayInSeoul } from './dates';
import { buildFacts, type HouseholdFacts, type MemberFacts } from './facts';
import { codeOf, readsMember, UNKNOWN, type Code } from './logic3';
import { incomeLimitWon, parameterOn, resolveParameter, type ParameterTree } from './parameters';
import { reason } from './reasons';
import type {
  AmountResult,
  CandidateResult,
  Criterion,
  CriterionOutcome,
  IncomeLimit,
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
  /**
   * false: statuses, amounts, dates, missing inputs and replacements only, as the full evaluation
   * gives them, with `criteria` and `reasons` left empty (for screening many households, whose
   * explanations are re-evaluated when someone asks). A candidate stops at the first criterion that
   * rules it out. Default true.
   */
  explain?: boolean;
  /** The caller has just found no problem with the household for this asOf (validateHousehold): it is not checked twice. */
  validated?: boolean;
}

interface Scope {
  asOf: string;
  tree: ParameterTree;
  household: HouseholdFacts;
  params: Record<string, unknown>;
  member: MemberFacts | undefined;
  count: number | undefined;
}

/**
 * One scope per household, its params, member and count set as each rule and candidate is checked:
 * nothing an expression returns holds on to it, and one object keeps the compiled expressions'
 * property reads monomorphic.
 */
const scopeFor = (facts: HouseholdFacts, asOf: string, tree: ParameterTree): Scope => ({
  asOf,
  tree,
  household: facts,
  params: {},
  member: undefined,
  count: undefined,
});

/** A switch, not a lookup table: a keyed read per candidate showed in profiles. */
function rank(status: CandidateResult['status']): number {
  switch (status) {
    case 'eligible':
      return 0;
    case 'upcoming':
      return 1;
    case 'unknown':
      return 2;
    default:
      return 3;
  }
}

/** Adds each of `found` not yet in `list`, keeping the order found. */
function addNew(list: string[], found: string[]): void {
  for (const m of found) if (!list.includes(m)) list.push(m);
}

/**
 * The inputs the last run() found missing. The engine is synchronous, so one list serves every
 * call; a list someone keeps (missingFound) is replaced rather than emptied, as emptying a list
 * calls into the runtime and a new one costs less.
 */
let lastMissing: string[] = [];
const NONE: string[] = [];

type Fn = Code;

function run(fn: Fn, scope: Scope): unknown {
  if (lastMissing.length !== 0) lastMissing = [];
  return fn(scope, lastMissing);
}

/** The inputs the last run() found missing, to keep: the list itself, which the next run() leaves alone. */
function missingFound(): string[] {
  if (lastMissing.length === 0) return NONE;
  const found = lastMissing;
  lastMissing = [];
  return found;
}

/** A criterion compiled once, with the outcomes and reasons it can give, made once and shared by every result. */
interface CompiledCriterion {
  fn: Fn;
  incomeLimit: Fn | null;
  waived: boolean;
  /**
   * Reads no member (only the household, parameters and asOf): one value serves every candidate
   * of a household, so it is checked once per rule, not once per member.
   */
  household: boolean;
  /** Met and unmet outcomes, and unmet / unknown reasons, by the income limit they name (null: none). */
  outcomes: Map<IncomeLimit | null, { met: CriterionOutcome; unmet: CriterionOutcome; unmetReason: Reason; unknownReason: Reason }>;
}

/**
 * A rule's expressions compiled once, so evaluating a household does no per-expression lookups,
 * with what the hot path reads of the rule: rules are parsed from JSON, each with its own set of
 * fields, so reading a rule's own properties in a loop over 41 rules is a megamorphic lookup each
 * time, where every compiled rule has one shape.
 */
interface CompiledRule {
  rule: Rule;
  id: string;
  validFrom: string;
  validTo: string | null;
  members: Rule['scope']['members'];
  includeExpected: boolean;
  /** The amount's figures are per member (counted candidates' amounts add up). */
  perMember: boolean;
  /** Ids of the benefits this one stands in for (Rule.instead), or null. */
  instead: string[] | null;
  /** The rule's parameters in force on `paramsAsOf` under `paramsTree` (a batch shares one asOf). */
  paramsAsOf: string | null;
  paramsTree: ParameterTree | null;
  params: Record<string, unknown>;
  criteria: CompiledCriterion[];
  /** Positions of the criteria that read no member, and of those that do. */
  householdCriteria: number[];
  memberCriteria: number[];
  /** The lean path's outcomes of the candidate being checked (evaluation is synchronous: one list serves). */
  scratch: Shared;
  upcomingWhen: Fn | null;
  upcomingDate: Fn | null;
  amount: Fn | null;
  months: Fn | null;
  supplement: Fn | null;
  applyBy: Fn | null;
  noCandidate: Reason;
  /** The upcoming reason by its date ('' for none). */
  upcoming: Map<string, Reason>;
}

const compiledRules = new WeakMap<Rule, CompiledRule>();

/** Every expression of a rule the engine runs: what the build compiles (src/build/rules/codegen.ts). */
export function expressionsOf(rule: Rule): unknown[] {
  const { upcoming, amount } = rule;
  const list = [...rule.criteria.flatMap((c) => [c.logic, c.incomeLimitPercent])];
  list.push(upcoming?.when, upcoming?.date, amount?.value, amount?.months, amount?.supplement?.value, rule.applyBy);
  return list.filter((logic) => logic !== undefined);
}

function compiledRule(rule: Rule): CompiledRule {
  let compiled = compiledRules.get(rule);
  if (!compiled) {
    const maybe = (logic: unknown) => (logic === undefined ? null : codeOf(logic));
    const waived = new Set(rule.upcoming?.waived ?? []);
    const criteria = rule.criteria.map((c) => ({
      fn: codeOf(c.logic),
      incomeLimit: maybe(c.incomeLimitPercent),
      waived: waived.has(c.id),
      household: !readsMember(c.logic) && !readsMember(c.incomeLimitPercent),
      outcomes: new Map(),
    }));
    const positions = (household: boolean) => criteria.flatMap((c, i) => (c.household === household ? [i] : []));
    compiled = {
      rule,
      id: rule.id,
      validFrom: rule.validFrom,
      validTo: rule.validTo ?? null,
      members: rule.scope.members,
      includeExpected: rule.scope.includeExpected === true,
      perMember: rule.amount?.basis === 'member',
      instead: rule.instead ? rule.instead.map((i) => i.of) : null,
      paramsAsOf: null,
      paramsTree: null,
      params: {},
      criteria,
      householdCriteria: positions(true),
      memberCriteria: positions(false),
      scratch: new Array(criteria.length),
      upcomingWhen: maybe(rule.upcoming?.when),
      upcomingDate: maybe(rule.upcoming?.date),
      amount: maybe(rule.amount?.value),
      months: maybe(rule.amount?.months),
      supplement: maybe(rule.amount?.supplement?.value),
      applyBy: maybe(rule.applyBy),
      noCandidate: reason('noCandidate', { label: rule.scope.label }),
      upcoming: new Map(),
    };
    compiledRules.set(rule, compiled);
  }
  return compiled;
}

/** Bounds the caches keyed by household figures (sizes, percents, dates): a long batch of odd inputs must not grow them for ever. */
const CACHE_LIMIT = 1_000;

function outcomesOf(criterion: Criterion, compiled: CompiledCriterion, incomeLimit: IncomeLimit | null) {
  let outcomes = compiled.outcomes.get(incomeLimit);
  if (!outcomes) {
    const limit = incomeLimit ?? undefined;
    const outcome = (o: 'met' | 'unmet'): CriterionOutcome =>
      limit
        ? { id: criterion.id, label: criterion.label, outcome: o, missing: NONE, incomeLimit: limit }
        : { id: criterion.id, label: criterion.label, outcome: o, missing: NONE };
    const why = (code: 'criterionUnmet' | 'criterionUnknown') =>
      reason(code, { criterion: criterion.id, label: criterion.label, incomeLimit: limit });
    outcomes = { met: outcome('met'), unmet: outcome('unmet'), unmetReason: why('criterionUnmet'), unknownReason: why('criterionUnknown') };
    if (compiled.outcomes.size >= CACHE_LIMIT) compiled.outcomes.clear();
    compiled.outcomes.set(incomeLimit, outcomes);
  }
  return outcomes;
}

const incomeLimits = new WeakMap<ParameterTree, Map<string, IncomeLimit>>();

/** The income limit a criterion names, one object per (size, percent, asOf, parameters). */
function incomeLimitOf(percent: number, size: number, asOf: string, tree: ParameterTree): IncomeLimit {
  let byKey = incomeLimits.get(tree);
  if (!byKey) incomeLimits.set(tree, (byKey = new Map()));
  const key = `${size}|${percent}|${asOf}`;
  let limit = byKey.get(key);
  if (!limit) {
    limit = { percent, householdSize: size, monthlyWon: incomeLimitWon(size, percent, asOf, tree) ?? null };
    if (byKey.size >= CACHE_LIMIT) byKey.clear();
    byKey.set(key, limit);
  }
  return limit;
}

const known = <T>(v: unknown): T | null => (v === UNKNOWN || v === undefined ? null : (v as T));

/** A date a rule computed, when it is one: results only ever carry real YYYY-MM-DD dates. */
const knownDate = (v: unknown): string | null => (isIsoDate(v) ? v : null);

/** The rule's parameters in force on asOf, shared ones taken from the tree (kept: a batch shares one asOf). */
function resolveParams(compiled: CompiledRule, asOf: string, tree: ParameterTree): Record<string, unknown> {
  if (compiled.paramsAsOf === asOf && compiled.paramsTree === tree) return compiled.params;
  const params: Record<string, unknown> = {};
  for (const [name, declared] of Object.entries(compiled.rule.parameters ?? {})) {
    const parameter = resolveParameter(declared, tree);
    if (!parameter) throw new Error(`parameter "${name}" names no shared parameter`);
    params[name] = parameterOn(parameter, asOf);
  }
  compiled.params = params;
  compiled.paramsAsOf = asOf;
  compiled.paramsTree = tree;
  return params;
}

/**
 * Outcomes of a rule's member-free criteria, kept while its candidates are checked: a criterion
 * that looks at the whole household (e.g. "some child aged 12 or under") would otherwise be
 * recomputed for each member, and work would grow with the square of the household.
 */
type Shared = (CriterionOutcome | undefined)[];

/**
 * Each criterion's outcome for one candidate. `shared` holds the outcomes of the rule's household
 * criteria once the first candidate has them (see CompiledCriterion.household).
 */
function checkCriteria(compiled: CompiledRule, scope: Scope, shared: Shared): CriterionOutcome[] {
  const { rule } = compiled;
  const outcomes: CriterionOutcome[] = new Array(rule.criteria.length);
  for (let i = 0; i < rule.criteria.length; i += 1) {
    const criterion = compiled.criteria[i];
    const done = criterion.household ? shared[i] : undefined;
    if (done) {
      outcomes[i] = done;
      continue;
    }
    const result = checkCriterion(rule.criteria[i], criterion, scope);
    if (criterion.household) shared[i] = result;
    outcomes[i] = result;
  }
  return outcomes;
}

function checkCriterion(c: Criterion, compiled: CompiledCriterion, scope: Scope): CriterionOutcome {
  const v = run(compiled.fn, scope);
  const missing = v === UNKNOWN ? missingFound() : NONE;
  let limit: IncomeLimit | null = null;
  if (compiled.incomeLimit) {
    const percent = known<number>(run(compiled.incomeLimit, scope));
    if (percent !== null) limit = incomeLimitOf(percent, scope.household.size, scope.asOf, scope.tree);
  }
  if (v !== UNKNOWN) return v ? outcomesOf(c, compiled, limit).met : outcomesOf(c, compiled, limit).unmet;
  const result: CriterionOutcome = { id: c.id, label: c.label, outcome: 'unknown', missing };
  if (limit) result.incomeLimit = limit;
  return result;
}

const unique = (list: string[]): string[] => (list.length > 1 ? [...new Set(list)] : list);

/** The inputs the criteria wait for, each once, in the criteria's order. */
function undecided(criteria: CriterionOutcome[]): string[] {
  let list: string[] | null = null;
  for (const c of criteria) {
    if (c.missing.length === 0) continue;
    // A criterion names each input once already.
    if (list === null) list = c.missing.slice();
    else for (const m of c.missing) if (!list.includes(m)) list.push(m);
  }
  return list ?? NONE;
}

type CandidateStatus = { status: CandidateResult['status']; missing: string[]; upcomingDate: string | null };
/** The statuses that carry nothing else, made once: most candidates get one of them. */
const INELIGIBLE: CandidateStatus = { status: 'ineligible', missing: NONE, upcomingDate: null };
const ELIGIBLE: CandidateStatus = { status: 'eligible', missing: NONE, upcomingDate: null };

/**
 * The status lattice for one candidate (rules/README.md, "How the engine reads a rule"):
 * eligible when every criterion is met; ineligible when a criterion that is not waived is unmet;
 * upcoming when the only unmet criteria are waived, `upcoming.when` holds and every criterion that
 * is not waived is met; unknown otherwise, with the inputs that would decide it.
 */
function candidateStatus(compiled: CompiledRule, criteria: CriterionOutcome[], scope: Scope): CandidateStatus {
  let unmetWaived = 0;
  let unknownOpen = 0;
  for (let i = 0; i < criteria.length; i += 1) {
    const { outcome } = criteria[i];
    if (outcome === 'unmet') {
      if (!compiled.criteria[i].waived) return INELIGIBLE;
      unmetWaived += 1;
    } else if (outcome === 'unknown') unknownOpen += compiled.criteria[i].waived ? 0 : 1;
  }
  if (unmetWaived === 0) {
    return unknownOpen === 0 && criteria.every((c) => c.outcome === 'met')
      ? ELIGIBLE
      : { status: 'unknown', missing: undecided(criteria), upcomingDate: null };
  }
  if (!compiled.upcomingWhen) return INELIGIBLE;
  const when = run(compiled.upcomingWhen, scope);
  if (when === UNKNOWN) return { status: 'unknown', missing: unique([...undecided(criteria), ...lastMissing]), upcomingDate: null };
  if (when !== true) return INELIGIBLE;
  if (unknownOpen > 0) return { status: 'unknown', missing: undecided(criteria), upcomingDate: null };
  const upcomingDate = compiled.upcomingDate ? knownDate(run(compiled.upcomingDate, scope)) : null;
  return { status: 'upcoming', missing: NONE, upcomingDate };
}

function criterionReasons(rule: Rule, compiled: CompiledRule, criteria: CriterionOutcome[], outcome: 'unmet' | 'unknown'): Reason[] {
  const reasons: Reason[] = [];
  for (let i = 0; i < criteria.length; i += 1) {
    const c = criteria[i];
    if (c.outcome !== outcome) continue;
    const cached = outcomesOf(rule.criteria[i], compiled.criteria[i], c.incomeLimit ?? null);
    reasons.push(outcome === 'unmet' ? cached.unmetReason : cached.unknownReason);
  }
  return reasons;
}

const ALL_MET = [reason('allMet')];
const ALL_MET_AMOUNT_UNKNOWN = [reason('allMet'), reason('amountUnknown')];
const AMOUNT_UNKNOWN = reason('amountUnknown');
const NOT_IN_EFFECT = reason('notInEffect');
const ERROR = reason('error');

function upcomingReason(rule: Rule, compiled: CompiledRule, date: string | null): Reason {
  let why = compiled.upcoming.get(date ?? '');
  if (!why) {
    why = reason('upcoming', { label: rule.upcoming!.label, date });
    if (compiled.upcoming.size >= CACHE_LIMIT) compiled.upcoming.clear();
    compiled.upcoming.set(date ?? '', why);
  }
  return why;
}

/** Why a candidate (or, for the best one, the whole benefit) has its status. Reasons are shared: never change one. */
function reasonsFor(
  status: Status,
  criteria: CriterionOutcome[],
  rule: Rule,
  compiled: CompiledRule,
  upcomingDate: string | null,
  amountKnown: boolean,
): Reason[] {
  switch (status) {
    case 'eligible':
      return amountKnown ? [...ALL_MET] : [...ALL_MET_AMOUNT_UNKNOWN];
    case 'upcoming':
      return [upcomingReason(rule, compiled, upcomingDate)];
    case 'ineligible':
      return criterionReasons(rule, compiled, criteria, 'unmet');
    default:
      return criterionReasons(rule, compiled, criteria, 'unknown');
  }
}

/** The lean path's outcomes carry what candidateStatus reads and no more: ids, labels and income limits only explain. */
const LEAN_MET: CriterionOutcome = { id: '', label: {} as Criterion['label'], outcome: 'met', missing: NONE };
const LEAN_UNMET: CriterionOutcome = { ...LEAN_MET, outcome: 'unmet' };

function screenCriterion(compiled: CompiledCriterion, scope: Scope): CriterionOutcome {
  const v = run(compiled.fn, scope);
  if (v === UNKNOWN) return { ...LEAN_MET, outcome: 'unknown', missing: missingFound() };
  return v ? LEAN_MET : LEAN_UNMET;
}

/**
 * The lean path's household criteria, in order, into `shared`: false at the first that rules out
 * every candidate (an unmet one that upcoming does not waive), without checking the rest.
 */
function screenHousehold(compiled: CompiledRule, scope: Scope, shared: Shared): boolean {
  for (const i of compiled.householdCriteria) {
    const criterion = compiled.criteria[i];
    const outcome = (shared[i] = screenCriterion(criterion, scope));
    if (outcome === LEAN_UNMET && !criterion.waived) return false;
  }
  return true;
}

/**
 * As checkCriteria, without explanations, once screenHousehold has passed: the member criteria,
 * and null at the first that rules the candidate out. The outcomes go into `shared` beside the
 * household ones (the lean path's list is the rule's scratch, which no result keeps).
 */
function screenCriteria(compiled: CompiledRule, scope: Scope, shared: Shared): CriterionOutcome[] | null {
  for (const i of compiled.memberCriteria) {
    const criterion = compiled.criteria[i];
    const outcome = (shared[i] = screenCriterion(criterion, scope));
    if (outcome === LEAN_UNMET && !criterion.waived) return null;
  }
  return shared as CriterionOutcome[];
}

const NO_CRITERIA: CriterionOutcome[] = [];
const NO_REASONS: Reason[] = [];

/**
 * A candidate the lean path rules out. Such a result depends on the member alone, so each member
 * has one, shared by every rule that rules it out (63 of the bench households' 86 candidates each
 * are ineligible); results are never changed in place (see applyInstead).
 */
function ruledOut(member: MemberFacts | undefined): CandidateResult {
  return member ? (member.$ruledOut ??= ruledOutResult(member)) : ruledOutResult(undefined);
}

function ruledOutResult(member: MemberFacts | undefined): CandidateResult {
  return {
    index: member?.index ?? -1,
    unborn: member?.unborn ?? false,
    possible: member?.possible ?? false,
    status: 'ineligible',
    criteria: NO_CRITERIA,
    reasons: NO_REASONS,
    missing: NONE,
    amount: null,
    months: null,
    applyBy: null,
    upcomingDate: null,
  };
}

function checkCandidate(compiled: CompiledRule, scope: Scope, shared: Shared, explain: boolean): CandidateResult {
  const criteria = explain ? checkCriteria(compiled, scope, shared) : screenCriteria(compiled, scope, shared);
  if (criteria === null) return ruledOut(scope.member);
  const { status, missing: undecided, upcomingDate } = candidateStatus(compiled, criteria, scope);
  let missing = undecided;
  const { perMember } = compiled;
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
    criteria: explain ? criteria : NO_CRITERIA,
    reasons: explain ? reasonsFor(status, criteria, compiled.rule, compiled, upcomingDate, amountKnown) : NO_REASONS,
    missing,
    amount,
    months,
    applyBy,
    upcomingDate,
  };
}

function candidatesFor(compiled: CompiledRule, facts: HouseholdFacts): MemberFacts[] | null {
  switch (compiled.members) {
    case 'household':
      return null;
    case 'child':
      return compiled.includeExpected ? facts.$childrenAndExpected : facts.children;
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

/** An amount's figure, or null; a known status waits for the inputs it needs. */
function open(fn: Fn, scope: Scope, status: Status, missing: string[]): number | null {
  const v = known<number>(run(fn, scope));
  if (status !== 'unknown' && v === null) addNew(missing, lastMissing);
  return v;
}

/** `base` has no member: the household's amount is read with `count` set to the candidates counted. */
function amountOf(
  rule: Rule,
  compiled: CompiledRule,
  base: Scope,
  counted: CandidateResult[],
  pool: MemberFacts[] | null,
  status: Status,
  missing: string[],
): AmountResult | null {
  if (!rule.amount || status === 'ineligible') return null;
  const { per, kind, basis, upTo } = rule.amount;
  let amount: AmountResult;
  if (basis === 'member') {
    let total: number | null = 0;
    for (const c of counted) total = total === null || c.amount === null ? null : total + c.amount;
    amount = { value: total, per, kind };
    if (pool !== null) amount.members = counted.map((c) => ({ index: c.index, unborn: c.unborn, value: c.amount }));
    if (compiled.months) amount.months = common(counted.map((c) => c.months));
  } else {
    base.count = pool === null ? 1 : counted.length;
    amount = { value: compiled.amount ? open(compiled.amount, base, status, missing) : null, per, kind };
    if (compiled.months) amount.months = open(compiled.months, base, status, missing);
    base.count = undefined;
  }
  if (upTo) amount.upTo = true;
  if (compiled.supplement) {
    const extra = open(compiled.supplement, base, status, missing);
    amount.value = amount.value === null || extra === null ? null : amount.value + extra;
    amount.supplement = extra;
  }
  return amount;
}

export function evaluateRule(rule: Rule, facts: HouseholdFacts, asOf: string, tree: ParameterTree, explain = true): RuleResult {
  return evaluateCompiled(compiledRule(rule), scopeFor(facts, asOf, tree), explain);
}

/** A rule's result for the household of `scope`, whose params, member and count it sets (see scopeFor). */
function evaluateCompiled(compiled: CompiledRule, scope: Scope, explain: boolean): RuleResult {
  const { asOf, household: facts } = scope;
  if (asOf < compiled.validFrom || (compiled.validTo && asOf > compiled.validTo))
    return result(compiled.id, 'ineligible', explain ? [NOT_IN_EFFECT] : NO_REASONS);
  scope.params = resolveParams(compiled, asOf, scope.tree);
  scope.member = undefined;
  scope.count = undefined;
  const pool = candidatesFor(compiled, facts);
  if (pool !== null && pool.length === 0) return result(compiled.id, 'ineligible', explain ? [compiled.noCandidate] : NO_REASONS);
  const shared: Shared = explain ? new Array(compiled.criteria.length) : compiled.scratch;
  let candidates: CandidateResult[];
  if (!explain && !screenHousehold(compiled, scope, shared)) candidates = pool === null ? [ruledOut(undefined)] : pool.map(ruledOut);
  else if (pool === null) candidates = [checkCandidate(compiled, scope, shared, explain)];
  else {
    // Sized at once: a list grown by push starts with room for 17.
    candidates = new Array<CandidateResult>(pool.length);
    for (let i = 0; i < pool.length; i += 1) {
      scope.member = pool[i];
      candidates[i] = checkCandidate(compiled, scope, shared, explain);
    }
    scope.member = undefined;
  }
  let best = candidates[0];
  let bestRank = rank(best.status);
  for (let i = 1; i < candidates.length; i += 1) {
    const r = rank(candidates[i].status);
    if (r < bestRank) {
      best = candidates[i];
      bestRank = r;
    }
  }
  const status = best.status;
  const candidatesOut = pool === null ? undefined : candidates;
  // Every candidate ruled out: nothing to count, pay or ask.
  if (status === 'ineligible') {
    const reasons = explain ? [...best.reasons] : NO_REASONS;
    const { criteria } = best;
    return {
      id: compiled.id,
      status,
      criteria,
      missing: NONE,
      amount: null,
      applyBy: null,
      upcomingDate: null,
      reasons,
      candidates: candidatesOut,
    };
  }
  const counted = candidates.length === 1 ? candidates : candidates.filter((c) => c.status === status);

  const missing: string[] = [];
  for (const c of counted) addNew(missing, c.missing);
  const amount = amountOf(compiled.rule, compiled, scope, counted, pool, status, missing);
  const reasons = explain ? [...best.reasons] : NO_REASONS;
  if (explain && status === 'eligible' && amount?.value === null && !reasons.some((r) => r.code === 'amountUnknown'))
    reasons.push(AMOUNT_UNKNOWN);
  let applyBy: string | null = null;
  let upcomingDate: string | null = null;
  for (const c of counted) {
    applyBy = earliest(applyBy, c.applyBy);
    upcomingDate = earliest(upcomingDate, c.upcomingDate);
  }
  return {
    id: compiled.id,
    status,
    criteria: best.criteria,
    missing: missing.length === 0 ? NONE : missing,
    amount,
    applyBy,
    upcomingDate,
    reasons,
    candidates: candidatesOut,
  };
}

/** Babies of one pregnancy are told apart by their order: fewer than this many per person. */
const PER_PERSON = 64;

/**
 * A number per candidate that names the same person (or expected baby) in every rule's result:
 * the member, whether born, expected or possible, and which of that member's babies.
 */
function candidateKeys(candidates: CandidateResult[]): number[] {
  const keys: number[] = [];
  for (let i = 0; i < candidates.length; i += 1) {
    const c = candidates[i];
    const person = (c.index * 3 + (c.unborn ? (c.possible ? 2 : 1) : 0)) * PER_PERSON;
    let n = 0;
    for (let k = 0; k < i; k += 1) if (keys[k] - (keys[k] % PER_PERSON) === person) n += 1;
    keys.push(person + n);
  }
  return keys;
}

/** A rule set's compiled rules, in order, and each rule's position by id (results come in the rules' order). */
interface Plan {
  rules: CompiledRule[];
  positions: Map<string, number>;
}

const plans = new WeakMap<Rule[], Plan>();

function planOf(rules: Rule[]): Plan {
  let plan = plans.get(rules);
  if (!plan) plans.set(rules, (plan = { rules: rules.map(compiledRule), positions: new Map(rules.map((r, k) => [r.id, k])) }));
  return plan;
}

/** A copy marked as replaced: a candidate result may be shared (see ruledOut). */
const replaced = (candidate: CandidateResult, id: string): CandidateResult => ({ ...candidate, replacedBy: id });

/**
 * Rule.instead: while a benefit is eligible, the benefits it stands in for are not paid — to the
 * same members when both are member-scoped, else to the household. They keep their own status
 * (the household does qualify) and are marked `replacedBy`, so totals count the one it takes.
 */
function applyInstead({ rules, positions: at }: Plan, results: RuleResult[]): void {
  for (let k = 0; k < rules.length; k += 1) {
    const { instead, id } = rules[k];
    const taken = results[k];
    if (!instead || taken.status === 'error') continue;
    for (const of of instead) {
      const other = results[at.get(of) ?? -1];
      if (!other || other.status === 'error') continue;
      if (taken.candidates && other.candidates) {
        const eligible = candidateKeys(taken.candidates).filter((_, i) => taken.candidates![i].status === 'eligible');
        if (eligible.length > 0) {
          const keys = candidateKeys(other.candidates);
          other.candidates = other.candidates.map((c, i) => (eligible.includes(keys[i]) ? replaced(c, id) : c));
        }
        const counted = other.candidates.filter((c) => c.status === other.status);
        if (counted.length > 0 && counted.every((c) => c.replacedBy !== undefined)) other.replacedBy = id;
      } else if (taken.status === 'eligible') {
        other.replacedBy = id;
        if (other.candidates) other.candidates = other.candidates.map((c) => replaced(c, id));
      }
    }
  }
}

/** Checks every rule for the household. A rule that throws is reported as `error`; the rest go on. */
export function evaluate(household: Household, options: EvaluateOptions): Evaluation {
  if (!options.validated) assertValidHousehold(household, options.asOf);
  const asOf = options.asOf ?? household.asOf ?? todayInSeoul();
  const facts = buildFacts(household, asOf, options.parameters);
  const explain = options.explain ?? true;
  const plan = planOf(options.rules);
  const scope = scopeFor(facts, asOf, options.parameters);
  const results = plan.rules.map((compiled): RuleResult => {
    try {
      return evaluateCompiled(compiled, scope, explain);
    } catch (e) {
      return { ...result(compiled.id, 'error', explain ? [ERROR] : NO_REASONS), error: e instanceof Error ? e.message : String(e) };
    }
  });
  applyInstead(plan, results);
  return { asOf, results };
}
