/**
 * Checks a household against input model v1. Each problem names the field (a path such as
 * `members[1].dueDate`) and the reason, as a code the app translates and as ko / en text.
 */
import { completedYears, daysBetween, inModelYears, isIsoDate, MAX_YEAR, MIN_YEAR, todayInSeoul } from './dates';
import { MIN_PREGNANCY_AGE } from './facts';
import { type FieldSpec, type Household, householdFields, memberFields } from './inputModel';
import type { Text } from './types';

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
  message: Text;
  /** The figures in the message (min, max, asOf, age…), so a translation can say them too. */
  params?: IssueParams;
}

/** The most members a household may list: the top of the householdSize range. */
export const MAX_MEMBERS = householdFields.householdSize.type.max;

/** A due date more than 44 weeks ahead cannot belong to a current pregnancy. */
const MAX_DAYS_TO_DUE = 44 * 7;

const messages: Record<IssueCode, (p: IssueParams) => Text> = {
  notObject: () => ({ ko: 'JSON 객체여야 합니다', en: 'must be a JSON object' }),
  required: () => ({ ko: '꼭 입력해야 합니다', en: 'is required' }),
  unknownField: () => ({ ko: '알 수 없는 항목입니다', en: 'is not a field of the household model' }),
  'type.boolean': () => ({ ko: '예(true) 또는 아니오(false)여야 합니다', en: 'must be true or false' }),
  'type.enum': (p) => ({ ko: `다음 중 하나여야 합니다: ${p.values}`, en: `must be one of: ${p.values}` }),
  'type.number': () => ({ ko: '숫자여야 합니다', en: 'must be a number' }),
  'type.integer': () => ({ ko: '정수여야 합니다', en: 'must be a whole number' }),
  'number.negative': () => ({ ko: '0보다 작을 수 없습니다', en: 'cannot be negative' }),
  'number.range': (p) => ({ ko: `${p.min} 이상 ${p.max} 이하여야 합니다`, en: `must be between ${p.min} and ${p.max}` }),
  'date.invalid': () => ({ ko: '실제 있는 날짜(YYYY-MM-DD)여야 합니다', en: 'must be a real date written YYYY-MM-DD' }),
  'date.range': (p) => ({
    ko: `${p.fromYear}년부터 ${p.toYear}년 사이의 날짜여야 합니다`,
    en: `must be a date in the years ${p.fromYear} to ${p.toYear}`,
  }),
  'date.future': (p) => ({ ko: `기준일(${p.asOf})보다 뒤일 수 없습니다`, en: `cannot be after the evaluation date ${p.asOf}` }),
  'date.beforeBirth': () => ({ ko: '생년월일보다 앞설 수 없습니다', en: 'cannot be before the birth date' }),
  'dueDate.past': (p) => ({
    ko: `출산 예정일이 기준일(${p.asOf})보다 앞섭니다. 이미 태어났다면 자녀로 입력해 주세요`,
    en: `is before the evaluation date ${p.asOf}; if the baby is born, add it as a child`,
  }),
  'dueDate.tooFar': () => ({ ko: '출산 예정일은 기준일로부터 44주 이내여야 합니다', en: 'must be within 44 weeks of the evaluation date' }),
  'members.empty': () => ({ ko: '가구원이 한 명 이상 있어야 합니다', en: 'must list at least one person' }),
  'members.tooMany': (p) => ({ ko: `가구원은 ${p.max}명까지 입력할 수 있습니다`, en: `must list at most ${p.max} persons` }),
  'householdSize.tooSmall': (p) => ({
    ko: `가구원 수가 입력한 가구원(${p.count}명)보다 적을 수 없습니다`,
    en: `cannot be less than the ${p.count} persons listed in members`,
  }),
  'birthRegistered.contradiction': () => ({
    ko: '서울에 출생신고를 했다면 출생신고를 한 것입니다',
    en: 'cannot be false when the birth is registered in Seoul',
  }),
  'pregnant.tooYoung': (p) => ({
    ko: `${p.age}세 미만 가구원은 임신 중으로 입력할 수 없습니다`,
    en: `cannot be true for a member under ${p.age}`,
  }),
  'pregnant.male': () => ({
    ko: '성별이 남성인 가구원은 임신 중으로 입력할 수 없습니다',
    en: 'cannot be true for a member whose sex is male',
  }),
};

function issue(field: string, code: IssueCode, params?: IssueParams): ValidationIssue {
  const message = messages[code](params ?? {});
  return params ? { field, code, message, params } : { field, code, message };
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
      if (!isIsoDate(value)) return ['date.invalid'];
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

function checkFields(prefix: string, input: Record<string, unknown>, specs: Record<string, FieldSpec>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const key in input) {
    if (!Object.hasOwn(input, key) || (key === 'members' && prefix === '')) continue;
    const value = input[key];
    const spec = Object.hasOwn(specs, key) ? specs[key] : undefined;
    if (!spec) issues.push(issue(prefix + (key === '' ? '""' : key), 'unknownField'));
    else if (value !== undefined) {
      const problem = checkValue(prefix, key, spec, value);
      if (problem) issues.push(problem);
    }
  }
  return issues;
}

function checkMember(member: unknown, i: number, asOf: string | null): ValidationIssue[] {
  const at = `members[${i}]`;
  if (!isObject(member)) return [issue(at, 'notObject')];
  const issues = checkFields(`${at}.`, member, memberFields);
  for (const field of ['role', 'birthDate'] as const) {
    if (member[field] === undefined) issues.push(issue(`${at}.${field}`, 'required'));
  }
  const bad = new Set(issues.map((p) => p.field));
  const birth = bad.has(`${at}.birthDate`) ? null : ((member.birthDate as string | undefined) ?? null);
  if (asOf && birth && birth > asOf) issues.push(issue(`${at}.birthDate`, 'date.future', { asOf }));
  if (member.pregnant === true && member.sex === 'male') issues.push(issue(`${at}.pregnant`, 'pregnant.male'));
  else if (member.pregnant === true && asOf && birth && completedYears(birth, asOf) < MIN_PREGNANCY_AGE) {
    issues.push(issue(`${at}.pregnant`, 'pregnant.tooYoung', { age: MIN_PREGNANCY_AGE }));
  }
  if (member.birthRegisteredInSeoul === true && member.birthRegistered === false) {
    issues.push(issue(`${at}.birthRegistered`, 'birthRegistered.contradiction'));
  }
  const due = member.dueDate as string | undefined;
  if (asOf && member.pregnant === true && due !== undefined && !bad.has(`${at}.dueDate`)) {
    if (due < asOf) issues.push(issue(`${at}.dueDate`, 'dueDate.past', { asOf }));
    else if (daysBetween(asOf, due) > MAX_DAYS_TO_DUE) issues.push(issue(`${at}.dueDate`, 'dueDate.tooFar'));
  }
  const careEnd = member.careEndDate as string | undefined;
  if (careEnd !== undefined && !bad.has(`${at}.careEndDate`)) {
    if (asOf && careEnd > asOf) issues.push(issue(`${at}.careEndDate`, 'date.future', { asOf }));
    else if (birth && careEnd < birth) issues.push(issue(`${at}.careEndDate`, 'date.beforeBirth'));
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
  const issues = checkFields('', input, householdFields);
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
  input.members.forEach((m, i) => issues.push(...checkMember(m, i, asOf)));
  return issues;
}

export class InvalidHouseholdError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((p) => `${p.field}: ${p.message.en}`).join('; '));
    this.name = 'InvalidHouseholdError';
  }
}

export function assertValidHousehold(input: unknown, asOfOverride?: string): asserts input is Household {
  const issues = validateHousehold(input, asOfOverride);
  if (issues.length > 0) throw new InvalidHouseholdError(issues);
}
