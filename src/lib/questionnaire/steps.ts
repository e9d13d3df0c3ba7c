/** What each step asks: the answer keys shown on it, and the problems that keep it from moving on. */
import type { FieldError } from './parse';
import type { FormState } from './form';
import { memberKey } from './form';
import { INCOME_STEP } from './fields';

export interface StepHost {
  form: FormState;
  built: { errors: Record<string, FieldError> };
  membersFor(step: string): string[];
}

/** The answer keys a step shows (`residence`, `m2.birthDate`, …). */
export function keysOf(host: StepHost, step: string): string[] {
  const { form } = host;
  if (step === 'household') {
    return [
      'residence',
      ...form.members.flatMap((m) => {
        const keys = [memberKey(m.id, 'birthDate')];
        if (m.role === 'adult') keys.push(memberKey(m.id, 'pregnant'));
        if (m.raw.pregnant === 'true') keys.push(memberKey(m.id, 'dueDate'), memberKey(m.id, 'expectedBabies'));
        return keys;
      }),
    ];
  }
  if (step === INCOME_STEP) {
    return form.incomeMode === 'amount' ? ['monthlyIncome'] : form.incomeMode === 'percent' ? ['medianIncomePercent'] : [];
  }
  const [scope, field] = step.split(':');
  if (scope === 'h') return [field];
  if (scope === 'm') return host.membersFor(step).map((id) => memberKey(id, field));
  return [];
}

/** Problems on a step, by answer key: invalid answers, and on the household step missing birth dates. */
export function stepProblems(host: StepHost, step: string): Record<string, FieldError> {
  const problems: Record<string, FieldError> = {};
  for (const key of keysOf(host, step)) {
    const error = host.built.errors[key];
    if (error) problems[key] = error;
  }
  if (step === 'household') {
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
