/**
 * Saved answers read back from storage: before the app uses them they pass the checks that typed
 * answers meet. Only what the app itself writes is accepted — known keys, own properties, answers
 * as text, at most MAX_MEMBERS members with unique ids, steps that name real questions. Anything
 * else (a tampered, truncated or foreign state) refuses the whole state: the caller starts afresh
 * and tells the resident, rather than guess at a state that could break the page.
 */
import { MAX_MEMBERS } from '../engine';
import { isLocale, type Locale } from '../i18n';
import { allFields, fieldOfStep, INCOME_STEP, stepForField } from './fields';
import type { FormState, IncomeMode, MemberState, VisitedStep } from './form';

export interface Saved {
  form: FormState;
  locale: Locale | null;
  /** Benefits the household already receives (rule ids; the Checker drops ids no rule has); absent in older states. */
  received?: string[];
}

/** Rule ids as rule files name them; more than there could ever be benefits is not a saved state. */
const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_RECEIVED = 500;

/** A plain JSON object (JSON.parse never makes another prototype; a `__proto__` key is an own key). */
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Own keys within `allowed`, and every `required` one present. */
const keysWithin = (v: Record<string, unknown>, allowed: readonly string[], required: readonly string[] = []) =>
  Object.keys(v).every((k) => allowed.includes(k)) && required.every((k) => Object.hasOwn(v, k));

/** Raw answers: text under the keys the resident can answer, nothing else. */
function answers(v: unknown, answerable: (key: string) => boolean): Record<string, string> | null {
  if (v === undefined) return {};
  if (!isRecord(v)) return null;
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(v)) {
    if (typeof value !== 'string' || !answerable(key)) return null;
    out[key] = value;
  }
  return out;
}

const householdAnswerable = (key: string) => stepForField('household', key) !== null;
const memberAnswerable = (key: string) => key === 'birthDate' || stepForField('member', key) !== null;

/** Member ids as the app makes them: m1, m2, … */
const MEMBER_ID = /^m([1-9]\d{0,8})$/;
const ROLES: readonly string[] = ['adult', 'child'];
const INCOME_MODES: readonly string[] = ['', 'amount', 'percent', 'unknown'];

function member(v: unknown): MemberState | null {
  if (!isRecord(v) || !keysWithin(v, ['id', 'role', 'raw'], ['id', 'role'])) return null;
  if (typeof v.id !== 'string' || !MEMBER_ID.test(v.id) || !ROLES.includes(v.role as string)) return null;
  const raw = answers(v.raw, memberAnswerable);
  return raw && { id: v.id, role: v.role as MemberState['role'], raw };
}

/**
 * More visited steps than every question once per member: no resident gets there, but a tampered
 * state of 150,000 (4.5 MB) took 16 s to start and 12 s a step, on every load.
 */
export const MAX_VISITED =
  new Set(
    allFields()
      .map((f) => stepForField(f.scope, f.name))
      .filter((s) => s !== null),
  ).size * MAX_MEMBERS;

/** A question step: the income step, or `h:`/`m:` and a field that has a question. */
function isQuestionStep(step: string): boolean {
  if (step === INCOME_STEP) return true;
  const field = fieldOfStep(step);
  return field !== undefined && stepForField(field.scope, field.name) === step;
}

function visitedStep(v: unknown, ids: Set<string>): VisitedStep | null {
  if (!isRecord(v) || !keysWithin(v, ['step', 'members'], ['step', 'members'])) return null;
  const { step, members } = v;
  if (typeof step !== 'string' || !isQuestionStep(step) || !Array.isArray(members)) return null;
  if (!members.every((id) => typeof id === 'string' && ids.has(id)) || new Set(members).size !== members.length) return null;
  // Only member questions name members.
  if (!step.startsWith('m:') && members.length > 0) return null;
  return { step, members: members as string[] };
}

/** A form state as the app saved it, or null when it is not exactly one. */
export function restoreForm(data: unknown): FormState | null {
  const keys = ['v', 'raw', 'incomeMode', 'members', 'visited', 'cursor', 'nextId'];
  if (!isRecord(data) || !keysWithin(data, keys, ['v', 'members']) || data.v !== 1) return null;
  const raw = answers(data.raw, householdAnswerable);
  if (!raw || !Array.isArray(data.members) || data.members.length === 0 || data.members.length > MAX_MEMBERS) return null;
  const members = data.members.map(member);
  if (members.some((m) => m === null)) return null;
  const ids = new Set(members.map((m) => m!.id));
  if (ids.size !== members.length) return null;

  const visitedData = data.visited ?? [];
  if (!Array.isArray(visitedData) || visitedData.length > MAX_VISITED) return null;
  const visited = visitedData.map((v) => visitedStep(v, ids));
  if (visited.some((v) => v === null)) return null;
  // The app shows a household question once; a member question again only for members added since.
  const householdSteps = visited.filter((v) => !v!.step.startsWith('m:')).map((v) => v!.step);
  if (new Set(householdSteps).size !== householdSteps.length) return null;

  const incomeMode = data.incomeMode ?? '';
  const cursor = data.cursor ?? 0;
  if (!INCOME_MODES.includes(incomeMode as string)) return null;
  if (!Number.isInteger(cursor) || (cursor as number) < 0 || (cursor as number) > visited.length + 1) return null;

  // The next member gets an id past every one in use, whatever was saved (older states kept none).
  const largest = Math.max(...members.map((m) => Number(MEMBER_ID.exec(m!.id)![1])));
  const savedNext = data.nextId ?? 0;
  if (!Number.isSafeInteger(savedNext) || (savedNext as number) < 0) return null;
  const nextId = Math.max(savedNext as number, largest + 1);

  return {
    v: 1,
    raw,
    incomeMode: incomeMode as IncomeMode,
    members: members as MemberState[],
    visited: visited as VisitedStep[],
    cursor: cursor as number,
    nextId,
  };
}

/** Distinct rule ids, no more than there could be benefits. */
const receivedIds = (v: unknown): boolean =>
  Array.isArray(v) &&
  v.length <= MAX_RECEIVED &&
  v.every((id) => typeof id === 'string' && RULE_ID.test(id)) &&
  new Set(v).size === v.length;

/** What the app saves: the form, the chosen language and the benefits already received. Null when `data` is anything else. */
export function restoreSaved(data: unknown): Saved | null {
  if (!isRecord(data) || !keysWithin(data, ['form', 'locale', 'received'], ['form'])) return null;
  const locale = data.locale ?? null;
  if (locale !== null && !isLocale(locale)) return null;
  const { received } = data;
  if (received !== undefined && !receivedIds(received)) return null;
  const form = restoreForm(data.form);
  if (!form) return null;
  return received === undefined ? { form, locale } : { form, locale, received: received as string[] };
}
