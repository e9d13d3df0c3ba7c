/** What each step asks: the answer keys shown on it, and the problems that keep it from moving on. */
import type { FieldError } from './parse';
import type { FormState } from './form';
import { householdStepFields, memberKey, MEMBERS_KEY } from './form';
import { INCOME_STEP, memberFieldNames } from './fields';

export interface StepHost {
  form: FormState;
  built: { errors: Record<string, FieldError> };
  membersFor(step: string): string[];
}

/**
 * A member's answers, besides the keys `shown`, that cannot be used. A step asking about the member
 * shows them too: a change made there (a sex, a birth date, a pregnancy) can make an answer on
 * another step unusable, and that must not happen out of sight.
 */
export function unusableAnswers(host: StepHost, memberId: string, shown: string[]): string[] {
  return memberFieldNames
    .map((field) => memberKey(memberId, field))
    .filter((key) => !shown.includes(key) && host.built.errors[key] !== undefined);
}

/** One member's answer keys on a step: the step's questions for them, then their unusable answers. */
export function memberKeys(host: StepHost, memberId: string, fields: readonly string[]): string[] {
  const own = fields.map((field) => memberKey(memberId, field));
  return [...own, ...unusableAnswers(host, memberId, own)];
}

function stepKeys(host: StepHost, step: string, questionsOnly: boolean): string[] {
  const { form } = host;
  const ofMember = (id: string, fields: readonly string[]) =>
    questionsOnly ? fields.map((field) => memberKey(id, field)) : memberKeys(host, id, fields);
  if (step === 'household') return ['residence', ...form.members.flatMap((m) => ofMember(m.id, householdStepFields(m)))];
  if (step === INCOME_STEP) {
    return form.incomeMode === 'amount' ? ['monthlyIncome'] : form.incomeMode === 'percent' ? ['medianIncomePercent'] : [];
  }
  const [scope, field] = step.split(':');
  if (scope === 'h') return [field];
  if (scope === 'm') return host.membersFor(step).flatMap((id) => ofMember(id, [field]));
  return [];
}

/** The answer keys a step shows (`residence`, `m2.birthDate`, …). */
export function keysOf(host: StepHost, step: string): string[] {
  return stepKeys(host, step, false);
}

/** Just the questions a step asks: the answers summary lists each answer once, under its own question. */
export function questionKeys(host: StepHost, step: string): string[] {
  return stepKeys(host, step, true);
}

/** Problems on a step, by answer key: invalid answers, and on the household step missing birth dates. */
export function stepProblems(host: StepHost, step: string): Record<string, FieldError> {
  const problems: Record<string, FieldError> = {};
  for (const key of keysOf(host, step)) {
    const error = host.built.errors[key];
    if (error) problems[key] = error;
  }
  if (step === 'household') {
    if (host.built.errors[MEMBERS_KEY]) problems[MEMBERS_KEY] = host.built.errors[MEMBERS_KEY];
    for (const m of host.form.members) {
      const key = memberKey(m.id, 'birthDate');
      if ((m.raw.birthDate ?? '').trim() === '' && !problems[key]) problems[key] = { code: 'required' };
    }
  }
  return problems;
}

export function stepErrors(host: StepHost, step: string): string[] {
  return Object.keys(stepProblems(host, step));
}
