/**
 * Who may be pregnant: what the facts, validation and the questionnaire share. A module of its own,
 * so that the first screen's validation does not bring the facts (and their templates) with it.
 */
import type { Member } from './inputModel';

/** Youngest age at which the engine treats an unanswered pregnancy as possible (and accepts one). */
export const MIN_PREGNANCY_AGE = 10;

/** Whether an unanswered pregnancy question is open for this member, so "pregnant" is unknown, not false. */
export function mayBecomePregnant(member: Pick<Member, 'sex'>, ageYears: number): boolean {
  return member.sex !== 'male' && ageYears >= MIN_PREGNANCY_AGE;
}
