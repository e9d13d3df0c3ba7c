/**
 * The questionnaire's form state: raw answers as typed (persisted as they are), and the household
 * built from the answers that are valid. An invalid answer is reported next to its field and left
 * out of the household (unknown to the engine); nothing else is affected.
 */
import { MAX_MEMBERS, parseInputPath, validateHousehold, type Household } from '../engine';
import { appliesToRole, HOUSEHOLD_STEP_MEMBER_FIELDS, householdField, INCOME_FIELDS, memberField } from './fields';
import { parseAnswer, type FieldError } from './parse';
import { answeredPregnant, householdStepAsksPregnancy, PREGNANCY_DETAILS } from './pregnancy';

export type Role = 'adult' | 'child';
export type IncomeMode = '' | 'amount' | 'percent' | 'unknown';

export interface MemberState {
  /** Stable id: survives removals of other members (household indexes do not). */
  id: string;
  role: Role;
  raw: Record<string, string>;
}

/** A question step the resident has been shown, in order; member steps remember whom they asked about. */
export interface VisitedStep {
  step: string;
  members: string[];
}

export interface FormState {
  v: 1;
  raw: Record<string, string>;
  incomeMode: IncomeMode;
  members: MemberState[];
  visited: VisitedStep[];
  /** 0 = household step, i = visited[i - 1], visited.length + 1 = answers summary. */
  cursor: number;
  nextId: number;
}

export function initialForm(): FormState {
  return { v: 1, raw: {}, incomeMode: '', members: [{ id: 'm1', role: 'adult', raw: {} }], visited: [], cursor: 0, nextId: 2 };
}

/** True while the resident has typed or chosen nothing: such a state is never stored. */
export function isPristine(form: FormState): boolean {
  const blank = (raw: Record<string, string>) => Object.values(raw).every((v) => v === '');
  return (
    blank(form.raw) &&
    form.incomeMode === '' &&
    form.visited.length === 0 &&
    form.cursor === 0 &&
    form.members.length === 1 &&
    form.members[0].role === 'adult' &&
    blank(form.members[0].raw)
  );
}

/** The key of a problem with the household's members as a whole (no one answer is wrong). */
export const MEMBERS_KEY = 'members';

/** Key of one answer: `residence` for a household field, `m3.birthDate` for a member's. */
export const memberKey = (memberId: string, field: string): string => `${memberId}.${field}`;

export interface BuiltHousehold {
  /** Null until at least one member has a valid birth date. */
  household: Household | null;
  /** Problems by answer key, for answers the resident gave. */
  errors: Record<string, FieldError>;
  /** household.members[i] is the member with id idAt[i]. */
  idAt: string[];
}

/** Whether a member answer is part of the household for this member right now. */
export function memberFieldActive(member: MemberState, field: string): boolean {
  if (PREGNANCY_DETAILS.includes(field)) return answeredPregnant(member);
  const info = memberField(field);
  return info !== undefined && appliesToRole(info, member.role);
}

/**
 * A member's questions on the household step. Pregnancy is asked of adults; a child's on its own
 * question step, but once "yes" it shows here too, until changed, beside the due date that "yes"
 * brings here: a birth date corrected here then shows the engine's refusal at the answer, which
 * stays in place while the date is typed.
 */
export function householdStepFields(member: MemberState): string[] {
  return HOUSEHOLD_STEP_MEMBER_FIELDS.filter((field) =>
    field === 'pregnant' ? householdStepAsksPregnancy(member) : field === 'birthDate' || memberFieldActive(member, field),
  );
}

function householdAnswers(form: FormState, blocked: Set<string>, errors: Record<string, FieldError>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, raw] of Object.entries(form.raw)) {
    const info = householdField(field);
    if (!info || blocked.has(field)) continue;
    if ((INCOME_FIELDS as readonly string[]).includes(field)) {
      const chosen = form.incomeMode === 'amount' ? 'monthlyIncome' : form.incomeMode === 'percent' ? 'medianIncomePercent' : null;
      if (field !== chosen) continue;
    }
    const parsed = parseAnswer(info.spec, raw);
    if (!parsed.ok) errors[field] = parsed.error;
    else if (parsed.value !== undefined) out[field] = parsed.value;
  }
  return out;
}

function memberAnswers(m: MemberState, blocked: Set<string>, errors: Record<string, FieldError>): Record<string, unknown> {
  const out: Record<string, unknown> = { role: m.role };
  for (const [field, raw] of Object.entries(m.raw)) {
    const info = memberField(field);
    const key = memberKey(m.id, field);
    if (!info || field === 'role' || blocked.has(key) || !memberFieldActive(m, field)) continue;
    const parsed = parseAnswer(info.spec, raw);
    if (!parsed.ok) errors[key] = parsed.error;
    else if (parsed.value !== undefined) out[field] = parsed.value;
  }
  return out;
}

/**
 * The household to evaluate on `asOf`: every valid answer, nothing else. Cross-field problems the
 * engine finds (a birth date after today, a due date already past…) block just that answer.
 */
export function buildHousehold(form: FormState, asOf: string): BuiltHousehold {
  // More people than a household may have: nothing to evaluate, and one problem for the household (the app never adds them).
  if (form.members.length > MAX_MEMBERS) {
    const [tooMany] = validateHousehold({ members: form.members });
    return {
      household: null,
      errors: { [MEMBERS_KEY]: { code: tooMany.code, params: tooMany.params } },
      idAt: [],
    };
  }
  const blocked = new Map<string, FieldError>();
  for (let round = 0; round < 8; round += 1) {
    const errors: Record<string, FieldError> = Object.fromEntries(blocked);
    const base = householdAnswers(form, new Set(blocked.keys()), errors);
    const members = form.members.map((m) => ({ id: m.id, answers: memberAnswers(m, new Set(blocked.keys()), errors) }));
    const complete = members.filter((m) => m.answers.birthDate !== undefined);
    if (complete.length === 0) return { household: null, errors, idAt: [] };
    const household = { ...base, members: complete.map((m) => m.answers) } as unknown as Household;
    if (complete.length < form.members.length) household.householdSize = form.members.length;
    const idAt = complete.map((m) => m.id);
    const issues = validateHousehold(household, asOf);
    if (issues.length === 0) return { household, errors, idAt };
    for (const problem of issues) {
      const path = parseInputPath(problem.field);
      const key = path.member !== null && path.field !== null ? memberKey(idAt[path.member], path.field) : problem.field;
      blocked.set(key, { code: problem.code, params: problem.params });
    }
  }
  return { household: null, errors: Object.fromEntries(blocked), idAt: [] };
}
