import type { Household } from './inputModel';
import type { Text } from '../languages';
import type { Parameter, ParameterTree, SharedParameter } from './parameters';

export type { Household, Member } from './inputModel';

/** A rule text in every supported language (the list in src/lib/languages). */
export type { Text } from '../languages';

export type Logic = unknown;

export interface Criterion {
  id: string;
  label: Text;
  logic: Logic;
  /** For an income test: the % of 기준 중위소득 it allows, so results can say the limit in won. */
  incomeLimitPercent?: Logic;
}

export type Per = 'once' | 'month' | 'quarter' | 'year' | 'hour' | 'visit' | 'meal' | 'day';

export interface AmountSpec {
  /** KRW; for basis "household" the data also holds `count`, the number of qualifying candidates. */
  value: Logic;
  per: Per;
  basis: 'member' | 'household';
  /** grant: money or points paid; fee: what the household pays; service: free service in kind. */
  kind: 'grant' | 'voucher' | 'fee' | 'service';
  label?: Text;
  /** A household-level sum added once to the total (e.g. 자립촉진수당 next to a per-child allowance). */
  supplement?: { value: Logic; label: Text };
  /** A ceiling (최대), not a sum the household is sure to get: it depends on what is spent. */
  upTo?: boolean;
  /** For a monthly amount paid a limited number of times (e.g. 3 months): that number. Absent: for as long as the criteria hold. */
  months?: Logic;
}

/** This benefit is taken instead of another (the same allowance at a higher rate, or a choice the family makes). */
export interface Instead {
  /** The other benefit's id. */
  of: string;
  /** Why the family takes this one and not the other. */
  why: Text;
}

/** A benefit rule as the engine needs it; rule files add their own test cases (RuleFile). */
export interface Rule {
  id: string;
  names: Text;
  summary: Text;
  category: string;
  kind: 'benefit' | 'service';
  department: Text;
  legalBasis: Text[];
  source: { seed: string; section: Text };
  references?: { title: string; url?: string; checked?: string }[];
  verifiedAt: string;
  validFrom: string;
  validTo?: string | null;
  scope: { members: 'household' | 'child' | 'adult' | 'any'; includeExpected?: boolean; label?: Text };
  /** Its own dated parameters, or the shared ones it names; logic reads them as `params.<name>`. */
  parameters?: Record<string, Parameter | SharedParameter>;
  criteria: Criterion[];
  upcoming?: { when: Logic; date?: Logic; waived: string[]; label: Text };
  amount?: AmountSpec;
  /** Benefits not paid (to the same member, for member-scoped rules) while this one is eligible. */
  instead?: Instead[];
  applyBy?: Logic;
  apply: {
    automatic?: boolean;
    online?: { name: Text; url: string }[];
    app?: Text[];
    offline?: Text[];
    phone?: string[];
    steps?: Text[];
    documents?: Text[];
  };
  /** What a resident should know. Notes for maintainers (interpretations, sources) go in `maintainerNotes`, which no screen shows. */
  notes?: Text[];
  maintainerNotes?: string[];
}

/** Rules and the shared parameters they name: what the engine evaluates a household against. */
export interface RuleSet<R extends Rule = Rule> {
  rules: R[];
  parameters: ParameterTree;
}

export interface RuleFile extends Rule {
  tests: RuleTestCase[];
}

export interface RuleTestCase {
  name: string;
  household: Household;
  expect: {
    status: Status;
    amount?: number | null;
    missing?: string[];
    applyBy?: string | null;
    upcomingDate?: string | null;
    criteria?: Record<string, Outcome>;
    months?: number | null;
    /** The benefit paid instead (Rule.instead); null: none. Only rules evaluated together can replace: the test runs every rule. */
    replacedBy?: string | null;
    /** Each member's own outcome, in the order the engine lists them (born children, then expected babies). */
    members?: { index: number; unborn?: boolean; status: Exclude<Status, 'error'>; amount?: number | null; missing?: string[] }[];
  };
}

export type Status = 'eligible' | 'ineligible' | 'unknown' | 'upcoming' | 'error';
export type Outcome = 'met' | 'unmet' | 'unknown';

export interface IncomeLimit {
  percent: number;
  householdSize: number;
  monthlyWon: number | null;
}

export interface CriterionOutcome {
  id: string;
  label: Text;
  outcome: Outcome;
  missing: string[];
  incomeLimit?: IncomeLimit;
}

export type ReasonCode =
  'notInEffect' | 'allMet' | 'criterionUnmet' | 'criterionUnknown' | 'upcoming' | 'noCandidate' | 'amountUnknown' | 'error';

export interface Reason {
  code: ReasonCode;
  criterion?: string;
  label?: Text;
  date?: string | null;
  incomeLimit?: IncomeLimit;
}

/** One member (or expected baby) a member-scoped rule was checked for. */
export interface CandidateResult {
  /** The member's position in household.members; an expected baby's is its mother's. */
  index: number;
  unborn: boolean;
  /** The baby of a pregnancy not yet answered: its outcome waits for that answer. */
  possible: boolean;
  status: Exclude<Status, 'error'>;
  criteria: CriterionOutcome[];
  /** This member's own why: the conditions that decide their status. */
  reasons: Reason[];
  missing: string[];
  amount: number | null;
  /** Monthly payments this member receives, for an amount paid a limited number of months. */
  months: number | null;
  applyBy: string | null;
  upcomingDate: string | null;
  /** Set when another benefit is paid for this member instead (see Rule.instead). */
  replacedBy?: string;
}

export interface AmountResult {
  /** Household total in KRW for the candidates behind the status; null when it depends on unknown input. */
  value: number | null;
  per: Per;
  kind: AmountSpec['kind'];
  members?: { index: number; unborn: boolean; value: number | null }[];
  /** The household-level supplement included in value, when the rule has one. */
  supplement?: number | null;
  /** A ceiling (최대): the household gets up to this, depending on costs. */
  upTo?: boolean;
  /** Monthly payments, for an amount paid a limited number of months (null: depends on unknown input). */
  months?: number | null;
}

export interface RuleResult {
  id: string;
  status: Status;
  criteria: CriterionOutcome[];
  missing: string[];
  amount: AmountResult | null;
  applyBy: string | null;
  upcomingDate: string | null;
  reasons: Reason[];
  candidates?: CandidateResult[];
  /** Set when another benefit is paid instead, for the household or for every member this one counts. */
  replacedBy?: string;
  error?: string;
}

export interface Evaluation {
  asOf: string;
  results: RuleResult[];
}
