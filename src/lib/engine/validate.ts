/**
 * Checks a household against input model v1. Each problem names the field (a path such as
 * `members[1].dueDate`) and the reason, as a code with its parameters: the sentences are the
 * `validation.<code>` messages of the catalogues (src/lib/i18n/locales), for the app, the CLI and the CSV.
 */
import { completedYears, daysBetween, inModelYears, isIsoDate, MAX_YEAR, MIN_YEAR, todayInSeoul } from './dates';
import { MIN_PREGNANCY_AGE } from './pregnancy';
import { type FieldSpec, type Household, householdFields, memberFields } from './inputModel';
import { memberPath } from './inputPath';

export type IssueCode =
  | 'notObject'
  | 'required'
  | 'unknownField'
  | 'type.boolean'
  | 'type.enum'
  | 'type.number'
  | 'type.integer'
  | 'number.range'
  | 'number.negative'
  | 'date.invalid'
  | 'date.range'
  | 'date.future'
  | 'date.beforeBirth'
  | 'dueDate.past'
  | 'dueDate.tooFar'
  | 'members.empty'
  | 'members.tooMany'
  | 'householdSize.tooSmall'
  | 'pregnant.male'
  | 'pregnant.tooYoung'
  | 'birthRegistered.contradiction';

export type IssueParams = Record<string, string | number>;

export interface ValidationIssue {
  field: string;
  code: IssueCode;
  /** The figures its `validation.<code>` message says (min, max, asOf, age…). */
  params: IssueParams;
}

/** The most members a household may list: the top of the householdSize range. */
export const MAX_MEMBERS = householdFields.householdSize.type.max;

/** A due date more than 44 weeks ahead cannot belong to a current pregnancy. */
const MAX_DAYS_TO_DUE = 44 * 7;

function issue(field: string, code: IssueCode, params: IssueParams = {}): ValidationIssue {
  return { field, code, params };
}

/** The problem with one value, if any; the field's path is only built for a problem. */
function checkValue(prefix: string, key: string, spec: FieldSpec, value: unknown): ValidationIssue | null {
  const problem = problemWith(spec, value);
  return problem ? issue(prefix + key, problem[0], problem[1]) : null;
}

/** The params of `date.range`: years, named apart from min/max, which translations write with digit grouping. */
export const DATE_YEARS = { fromYear: MIN_YEAR, toYear: MAX_YEAR } as const;

function problemWith(spec: FieldSpec, value: unknown): [IssueCode, IssueParams?] | null {
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return typeof value === 'boolean' ? null : ['type.boolean'];
    case 'date':
      if (!isIsoDate(value)) return ['date.invalid', { date: String(value) }];
      return inModelYears(value) ? null : ['date.range', DATE_YEARS];
    case 'enum':
      return typeof value === 'string' && t.values.includes(value) ? null : ['type.enum', { values: t.values.join(', ') }];
    case 'integer':
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return ['type.number'];
      if (t.kind === 'integer' && !Number.isInteger(value)) return ['type.integer'];
      if (value < 0 && t.min === 0) return ['number.negative'];
      return value < t.min || value > t.max ? ['number.range', { min: t.min, max: t.max }] : null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The field specs by name, as maps: a name read from input (even `__proto__`) finds only a real field. */
const householdSpecs = new Map<string, FieldSpec>(Object.entries(householdFields));
const memberSpecs = new Map<string, FieldSpec>(Object.entries(memberFields));

/**
 * The member answers that the checks across fields read, collected while the fields are checked:
 * one shape for every member, where reading each off a member (every member has a shape of its
 * own) would cost a lookup each.
 */
const crossFields = {
  role: undefined as unknown,
  birthDate: undefined as unknown,
  sex: undefined as unknown,
  pregnant: undefined as unknown,
  dueDate: undefined as unknown,
  careEndDate: undefined as unknown,
  birthRegistered: undefined as unknown,
  birthRegisteredInSeoul: undefined as unknown,
};
type CrossFields = typeof crossFields;

/** Each field's problems; the values of the fields `seen` has are copied into it. */
function checkFields(prefix: string, input: Record<string, unknown>, specs: Map<string, FieldSpec>, seen?: CrossFields): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key of Object.keys(input)) {
    if (key === 'members' && prefix === '') continue;
    const spec = specs.get(key);
    if (!spec) issues.push(issue(prefix + (key === '' ? '""' : key), 'unknownField'));
    else {
      const value = input[key];
      if (seen !== undefined && Object.hasOwn(seen, key)) seen[key as keyof CrossFields] = value;
      if (value === undefined) continue;
      const problem = checkValue(prefix, key, spec, value);
      if (problem) issues.push(problem);
    }
  }
  return issues;
}

const NO_FIELDS: ReadonlySet<string> = new Set();
const REQUIRED = ['role', 'birthDate'] as const;

function checkMember(member: unknown, i: number, asOf: string | null): ValidationIssue[] {
  if (!isObject(member)) return [issue(memberPath(i), 'notObject')];
  const answers = { ...crossFields };
  // memberPath(i, "") is "members[i].", made once.
  const issues = checkFields(memberPath(i, ''), member, memberSpecs, answers);
  for (const field of REQUIRED) {
    if (answers[field] === undefined) issues.push(issue(memberPath(i, field), 'required'));
  }
  const bad = issues.length === 0 ? NO_FIELDS : new Set(issues.map((p) => p.field));
  const birth = bad.has(memberPath(i, 'birthDate')) ? null : ((answers.birthDate as string | undefined) ?? null);
  if (asOf && birth && birth > asOf) issues.push(issue(memberPath(i, 'birthDate'), 'date.future', { asOf }));
  if (answers.pregnant === true && answers.sex === 'male') issues.push(issue(memberPath(i, 'pregnant'), 'pregnant.male'));
  else if (answers.pregnant === true && asOf && birth && completedYears(birth, asOf) < MIN_PREGNANCY_AGE) {
    issues.push(issue(memberPath(i, 'pregnant'), 'pregnant.tooYoung', { age: MIN_PREGNANCY_AGE }));
  }
  if (answers.birthRegisteredInSeoul === true && answers.birthRegistered === false) {
    issues.push(issue(memberPath(i, 'birthRegistered'), 'birthRegistered.contradiction'));
  }
  const due = answers.dueDate as string | undefined;
  if (asOf && answers.pregnant === true && due !== undefined && !bad.has(memberPath(i, 'dueDate'))) {
    if (due < asOf) issues.push(issue(memberPath(i, 'dueDate'), 'dueDate.past', { asOf }));
    else if (daysBetween(asOf, due) > MAX_DAYS_TO_DUE) issues.push(issue(memberPath(i, 'dueDate'), 'dueDate.tooFar'));
  }
  const careEnd = answers.careEndDate as string | undefined;
  if (careEnd !== undefined && !bad.has(memberPath(i, 'careEndDate'))) {
    if (asOf && careEnd > asOf) issues.push(issue(memberPath(i, 'careEndDate'), 'date.future', { asOf }));
    else if (birth && careEnd < birth) issues.push(issue(memberPath(i, 'careEndDate'), 'date.beforeBirth'));
  }
  return issues;
}

/** The problem with an evaluation date given apart from a household (CLI --as-of), if any. */
export function validateAsOf(asOf: string): ValidationIssue[] {
  const problem = checkValue('', 'asOf', householdFields.asOf, asOf);
  return problem ? [problem] : [];
}

/** All problems with `input` as a household; an empty list means it can be evaluated. */
export function validateHousehold(input: unknown, asOfOverride?: string): ValidationIssue[] {
  if (!isObject(input)) return [issue('household', 'notObject')];
  const issues = checkFields('', input, householdSpecs);
  if (asOfOverride !== undefined) issues.push(...validateAsOf(asOfOverride));
  const asOfValid = !issues.some((p) => p.field === 'asOf');
  const asOf = asOfValid ? (asOfOverride ?? (input.asOf as string | undefined) ?? todayInSeoul()) : null;
  if (!Array.isArray(input.members)) {
    issues.push(issue('members', input.members === undefined ? 'required' : 'type.enum', { values: '[ … ]' }));
    return issues;
  }
  if (input.members.length === 0) issues.push(issue('members', 'members.empty'));
  // Refused whole, before a single member is read: a file of thousands of members costs nothing.
  if (input.members.length > MAX_MEMBERS) {
    issues.push(issue('members', 'members.tooMany', { max: MAX_MEMBERS }));
    return issues;
  }
  const size = input.householdSize;
  if (typeof size === 'number' && !issues.some((p) => p.field === 'householdSize') && size < input.members.length) {
    issues.push(issue('householdSize', 'householdSize.tooSmall', { count: input.members.length }));
  }
  input.members.forEach((m, i) => {
    const found = checkMember(m, i, asOf);
    if (found.length > 0) issues.push(...found);
  });
  return issues;
}

export class InvalidHouseholdError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((p) => `${p.field}: ${p.code}`).join('; '));
    this.name = 'InvalidHouseholdError';
  }
}

export function assertValidHousehold(input: unknown, asOfOverride?: string): asserts input is Household {
  const issues = validateHousehold(input, asOfOverride);
  if (issues.length > 0) throw new InvalidHouseholdError(issues);
}
