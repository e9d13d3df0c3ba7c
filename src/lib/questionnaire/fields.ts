/**
 * Questions come from the input model's registries: the field type decides the kind of question,
 * so a field added to householdFields / memberFields becomes askable without UI changes (it only
 * needs its `questions.<field>.label` and `.help` texts in every locale).
 */
import { householdFields, memberFields, type FieldSpec } from '../engine';

export type QuestionKind = 'yesno' | 'choice' | 'number' | 'date';
export type Scope = 'household' | 'member';

export interface FieldInfo {
  name: string;
  scope: Scope;
  spec: FieldSpec;
  kind: QuestionKind;
  /** Choices of a `choice` question (enum values). */
  options: readonly string[];
}

/** The income question offers these two fields as alternatives, plus "I don't know". */
export const INCOME_FIELDS = ['monthlyIncome', 'medianIncomePercent'] as const;
export const INCOME_STEP = 'income';

/** Fields the resident never answers as a question: set by the app or part of the household step's structure. */
const NOT_ASKED = new Set(['asOf', 'householdSize', 'role', 'birthDate']);

/** Member fields the household step can ask, in order (which ones for a member: householdStepFields). */
export const HOUSEHOLD_STEP_MEMBER_FIELDS = ['birthDate', 'pregnant', 'dueDate', 'expectedBabies'] as const;

function kindOf(spec: FieldSpec): QuestionKind {
  switch (spec.type.kind) {
    case 'boolean':
      return 'yesno';
    case 'enum':
      return 'choice';
    case 'date':
      return 'date';
    default:
      return 'number';
  }
}

function info(name: string, scope: Scope, spec: FieldSpec): FieldInfo {
  return { name, scope, spec, kind: kindOf(spec), options: spec.type.kind === 'enum' ? spec.type.values : [] };
}

const household: Record<string, FieldInfo> = Object.fromEntries(
  Object.entries(householdFields as Record<string, FieldSpec>).map(([name, spec]) => [name, info(name, 'household', spec)]),
);
const member: Record<string, FieldInfo> = Object.fromEntries(
  Object.entries(memberFields as Record<string, FieldSpec>).map(([name, spec]) => [name, info(name, 'member', spec)]),
);

export const householdFieldNames = Object.keys(household);
export const memberFieldNames = Object.keys(member);

/** Own entries only: a saved or typed key such as `toString` must not find Object.prototype's. */
const own = (table: Record<string, FieldInfo>, name: string): FieldInfo | undefined =>
  Object.hasOwn(table, name) ? table[name] : undefined;

export function householdField(name: string): FieldInfo | undefined {
  return own(household, name);
}

export function memberField(name: string): FieldInfo | undefined {
  return own(member, name);
}

/** Every field of both registries, for completeness checks. */
export function allFields(): FieldInfo[] {
  return [...Object.values(household), ...Object.values(member)];
}

/** Whether the member field is asked of a member with this role. */
export function appliesToRole(field: FieldInfo, role: 'adult' | 'child'): boolean {
  const to = field.spec.appliesTo ?? 'any';
  return to === 'any' || to === role;
}

/** The field a question step (`h:<field>` or `m:<field>`) asks about. */
export function fieldOfStep(step: string): FieldInfo | undefined {
  const [scope, name] = step.split(':');
  return scope === 'h' ? householdField(name) : scope === 'm' ? memberField(name) : undefined;
}

/** The question step that asks about `field` (both income fields share the income step), or null. */
export function stepForField(scope: Scope, field: string): string | null {
  if (NOT_ASKED.has(field)) return null;
  if (scope === 'household' && (INCOME_FIELDS as readonly string[]).includes(field)) return INCOME_STEP;
  const known = scope === 'household' ? householdField(field) : memberField(field);
  return known ? `${scope === 'household' ? 'h' : 'm'}:${field}` : null;
}

/** Registry order, used to break ties between equally decisive questions. */
export function registryOrder(step: string): number {
  if (step === INCOME_STEP) return householdFieldNames.indexOf('monthlyIncome');
  const [scope, name] = step.split(':');
  return scope === 'h' ? householdFieldNames.indexOf(name) : householdFieldNames.length + memberFieldNames.indexOf(name);
}
