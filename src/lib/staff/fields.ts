/**
 * The staff screen asks every question at once, grouped as a conversation goes: the household
 * (where, how many, income), its situation, then each member. Fields come from the input-model
 * registries, like the resident questions, so a new field shows up here too.
 */
import type { DecisiveStep } from '../questionnaire/decisive';
import {
  HOUSEHOLD_STEP_MEMBER_FIELDS,
  householdField,
  householdFieldNames,
  INCOME_STEP,
  memberField,
  memberFieldNames,
  stepForField,
  type FieldInfo,
  type Scope,
} from '../questionnaire/fields';
import { memberFieldActive, memberKey, type MemberState } from '../questionnaire/form';
import { asksPregnancy } from '../questionnaire/pregnancy';

/** Not a question on this screen: the evaluation date is today, income has its own control. */
const ELSEWHERE = new Set(['asOf', 'residence', 'householdSize', 'monthlyIncome', 'medianIncomePercent']);

export const situationFields: FieldInfo[] = householdFieldNames.filter((n) => !ELSEWHERE.has(n)).map((n) => householdField(n)!);

/** A member's questions in registry order: those for the member's role, pregnancy details only while pregnant. */
export function memberFieldsFor(member: MemberState, asOf: string): FieldInfo[] {
  return memberFieldNames
    .filter((name) => name !== 'role' && (name !== 'pregnant' || asksPregnancy(member, asOf)))
    .map((name) => memberField(name)!)
    .filter((field) => memberFieldActive(member, field.name));
}

/** Answers the resident gives on the household step, where "I don't know" is not offered. */
export const DEFINITE: ReadonlySet<string> = new Set(HOUSEHOLD_STEP_MEMBER_FIELDS);

/** The answer a question step stands for on this screen: `income` → its mode, `m:x` → the first member it decides for. */
export function answerKeyFor(step: string, ranking: DecisiveStep[]): string | null {
  if (step === INCOME_STEP) return 'incomeMode';
  const [scope, field] = step.split(':');
  if (scope === 'h') return field;
  const member = ranking.find((r) => r.step === step)?.members[0];
  return scope === 'm' && member ? memberKey(member, field) : null;
}

/**
 * Whether the screen shows a question. The clerk sees what the resident would be asked: a question
 * some answer to which can change a result for this household now (the resident questionnaire's own
 * ranking, questionnaire/decisive.ts, for this member), the household step's own answers, and any
 * field already typed into or chosen, even if cleared since (a field never vanishes under the
 * clerk's cursor); "show every field" shows the rest.
 */
export function showsField(
  field: FieldInfo,
  memberId: string | null,
  context: { ranking: DecisiveStep[]; answered: boolean; all: boolean },
): boolean {
  if (context.all || context.answered || (memberId !== null && DEFINITE.has(field.name))) return true;
  const step = stepForField(field.scope as Scope, field.name);
  const decisive = context.ranking.find((r) => r.step === step);
  return decisive !== undefined && (memberId === null || decisive.members.includes(memberId));
}
