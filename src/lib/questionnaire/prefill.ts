/**
 * A household from outside the form (the portal's prefill, a resident's hand-off code) as the
 * questionnaire's form: every answer typed in as the resident would have, and each question it
 * answers marked as shown, so the summary lists it and the flow only asks what is still open.
 */
import { householdFields, memberFields, type Household } from '../engine';
import { HOUSEHOLD_STEP_MEMBER_FIELDS, registryOrder, stepForField } from './fields';
import { initialForm, type FormState, type IncomeMode, type MemberState } from './form';

/** Answers the household step asks; every other answer belongs to a question step. */
const HOUSEHOLD_STEP = new Set<string>(['residence', ...HOUSEHOLD_STEP_MEMBER_FIELDS]);

const rawOf = (value: unknown): string => (typeof value === 'string' ? value : String(value));

function answers(source: Record<string, unknown>, fields: Record<string, unknown>, skip: string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [field, value] of Object.entries(source)) {
    if (field in fields && !skip.includes(field) && value !== undefined && value !== null) raw[field] = rawOf(value);
  }
  return raw;
}

export function formFromHousehold(household: Household): FormState {
  const form = initialForm();
  const source = household as unknown as Record<string, unknown>;
  form.raw = answers(source, householdFields, ['asOf']);
  const mode: IncomeMode = form.raw.monthlyIncome !== undefined ? 'amount' : form.raw.medianIncomePercent !== undefined ? 'percent' : '';
  form.incomeMode = mode;
  form.members = household.members.map((m, i): MemberState => ({
    id: `m${i + 1}`,
    role: m.role,
    raw: answers(m as unknown as Record<string, unknown>, memberFields, ['role']),
  }));
  form.nextId = form.members.length + 1;

  const steps = new Map<string, Set<string>>();
  const mark = (step: string | null, member?: string) => {
    if (!step) return;
    const members = steps.get(step) ?? new Set<string>();
    if (member) members.add(member);
    steps.set(step, members);
  };
  for (const field of Object.keys(form.raw)) if (!HOUSEHOLD_STEP.has(field)) mark(stepForField('household', field));
  for (const m of form.members)
    for (const field of Object.keys(m.raw)) if (!HOUSEHOLD_STEP.has(field)) mark(stepForField('member', field), m.id);
  form.visited = [...steps.entries()]
    .sort(([a], [b]) => registryOrder(a) - registryOrder(b))
    .map(([step, members]) => ({ step, members: [...members] }));
  return form;
}
