/**
 * Who is asked about a pregnancy, and when its details count: one policy for the resident's
 * household step, the question steps and staff mode. The engine decides who can be pregnant
 * (mayBecomePregnant); the screens add that an answered "yes" keeps its question and details in
 * place until changed, so a birth date or sex corrected afterwards shows the engine's refusal at
 * the question instead of hiding it.
 */
import { completedYears, isIsoDate, mayBecomePregnant } from '../engine';
import type { MemberState } from './form';
import { normalizeDate } from './parse';

/** Answers about a pregnancy, which count only while the member is answered pregnant. */
export const PREGNANCY_DETAILS: readonly string[] = ['dueDate', 'expectedBabies', 'expectedBirthOrder'];

export const answeredPregnant = (member: MemberState): boolean => member.raw.pregnant === 'true';

/** The resident's household step asks adults; a child is asked on its own step, and kept here once "yes". */
export const householdStepAsksPregnancy = (member: MemberState): boolean => member.role === 'adult' || answeredPregnant(member);

/** Staff mode asks every question at once: adults, and children old enough for the engine. */
export function asksPregnancy(member: MemberState, asOf: string): boolean {
  if (householdStepAsksPregnancy(member)) return true;
  const birth = normalizeDate(member.raw.birthDate ?? '');
  if (!birth || !isIsoDate(birth) || birth > asOf) return false;
  const sex = member.raw.sex === 'male' ? 'male' : undefined;
  return mayBecomePregnant({ sex }, completedYears(birth, asOf));
}
