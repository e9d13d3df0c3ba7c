/**
 * Derived facts: what rules may read, computed once per household and asOf.
 *
 * A fact is a value, or undefined when unknown. Every fact object carries `$missing`: for each
 * unknown fact, the input fields that would decide it (e.g. `members[1].dueDate`). Rules never
 * see raw absent inputs as null: the three-valued evaluator stops at an unknown fact.
 */
import { agesAt, daysBetween } from './dates';
import { memberPath } from './inputPath';
import { type Household, type Member, householdFields, memberFields } from './inputModel';
import { medianIncomeFor, type ParameterTree } from './parameters';
import { mayBecomePregnant } from './pregnancy';
import type { CandidateResult } from './types';

/** Inputs that would decide an unknown derived fact; raw input fields are found through $path. */
export type Missing = Record<string, string[]>;

interface FactHolder {
  [fact: string]: unknown;
  /** Where this object's raw inputs sit: '' for the household, 'members[2]' for a member, null for an expected baby. */
  $path: string | null;
  $missing: Missing;
  /** For a baby whose pregnancy is not yet answered: the one input behind every unknown fact of it. */
  $unknownBecause?: string[];
}

const inputFieldNames = new Set([...Object.keys(householdFields), ...Object.keys(memberFields)]);

/** The raw input field `fact` of `holder`, if it is one, as an input path. */
function inputPathOf(holder: FactHolder, fact: string): string | null {
  if (holder.$path === null || !inputFieldNames.has(fact)) return null;
  return holder.$path === '' ? fact : memberPath(holder.index as number, fact);
}

/** The input fields that would decide `fact` on `holder` while it is unknown. */
export function missingInputs(holder: FactHolder, fact: string): string[] {
  const derived = holder.$unknownBecause ?? holder.$missing[fact];
  if (derived) return derived;
  const path = inputPathOf(holder, fact);
  return path === null ? [] : [path];
}

/** Adds to `missing` (each once) the input fields that would decide `fact` on `holder`: missingInputs without a list made. */
export function addMissingInputs(holder: FactHolder, fact: string, missing: string[]): void {
  const derived = holder.$unknownBecause ?? holder.$missing[fact];
  if (derived) {
    for (const f of derived) if (!missing.includes(f)) missing.push(f);
    return;
  }
  const path = inputPathOf(holder, fact);
  if (path !== null && !missing.includes(path)) missing.push(path);
}

export interface MemberFacts extends FactHolder {
  /** The lean evaluation's result for this member wherever a rule rules it out (evaluate.ts ruledOut), made once. */
  $ruledOut: CandidateResult | null;
  /** Position in household.members; an expected child has its mother's index. */
  index: number;
  role: 'adult' | 'child';
  /** An expected child: a pregnancy's baby, not yet born (birthDate = due date). */
  unborn: boolean;
  /** The baby of a pregnancy not yet answered: it exists only if the answer is yes, and all its facts wait for that answer. */
  possible: boolean;
  birthDate: string | undefined;
  ageMonths: number | undefined;
  ageYears: number | undefined;
  calendarAge: number | undefined;
  daysSinceBirth: number | undefined;
  pregnancyWeek: number | undefined;
}

export interface HouseholdFacts extends FactHolder {
  /**
   * Born children, expected babies, then one possible baby per pregnancy not yet answered: the
   * candidates of child rules that count pregnancies. A possible baby's own facts are unknown
   * (waiting for the pregnancy answer), so household criteria still decide such a rule.
   */
  $childrenAndExpected: MemberFacts[];
  size: number;
  medianIncome: number | undefined;
  incomePercent: number | undefined;
  members: MemberFacts[];
  adults: MemberFacts[];
  children: MemberFacts[];
  expectedChildren: MemberFacts[];
}

/** Facts that every member object offers, besides its raw input fields. Documented in rules/README.md. */
export const derivedMemberFacts = {
  index: 'Position in household.members (an expected child: its mother’s).',
  unborn: 'true for an expected child (a pregnancy’s baby not yet born).',
  possible: 'true for the baby of a pregnancy not yet answered (unborn too; every other fact of it is unknown).',
  ageMonths: 'Age in completed months at asOf (만 개월 수).',
  ageYears: 'Age in completed years at asOf (만 나이).',
  calendarAge: 'Age by calendar year at asOf (연 나이): the year of asOf minus the birth year.',
  daysSinceBirth: 'Whole days from birthDate to asOf (0 on the birth date).',
  pregnancyWeek: 'Pregnancy week at asOf = 40 − (dueDate − asOf) / 7 days (fractional), while pregnant.',
  female: 'sex = female (or pregnant, when sex is not given).',
} as const;

export const derivedHouseholdFacts = {
  size: 'householdSize, or the number of members when absent.',
  medianIncome: '기준 중위소득 for the household size in the year of asOf (KRW/month).',
  incomePercent: 'Household income as % of 기준 중위소득 (from monthlyIncome, else medianIncomePercent).',
  members: 'All born members (member facts).',
  adults: 'Members with role adult.',
  children: 'Born members with role child.',
  expectedChildren: 'One entry per expected baby of each pregnant member.',
  childCount: 'Number of born children.',
  pregnant: 'Some member is pregnant (unknown while an adult woman’s pregnancy is unanswered).',
  pregnancyWeek: 'The most advanced pregnancy’s week at asOf.',
  dueDate: 'The earliest due date among pregnant members.',
  youngestChildBirthDate: 'Birth date of the youngest born child.',
  employedAdults: 'Number of adults known to be employed.',
  dualIncome: 'Two or more adults employed (맞벌이).',
} as const;

const memberFieldNames = Object.keys(memberFields).filter((f) => f !== 'role' && f !== 'birthDate');

/**
 * Every member fact, absent: the shape all member facts are cloned from. Every member fact object
 * gets the same properties in the same order, present or not, so they share one hidden class: with
 * optional fields spread in, each household would mint new shapes and every rule's property reads
 * would slow to dictionary lookups. Cloning a whole object (`{ ...template }`) also copies its
 * shape at once; a member's answers spread in after it only overwrite properties it already has.
 */
const memberTemplate: Record<string, unknown> = {
  $path: null,
  $missing: null,
  $unknownBecause: undefined,
  $ruledOut: null,
  index: 0,
  role: 'child',
  unborn: false,
  possible: false,
  birthDate: undefined,
  ageMonths: undefined,
  ageYears: undefined,
  calendarAge: undefined,
  daysSinceBirth: undefined,
  pregnancyWeek: undefined,
  female: undefined,
  ...Object.fromEntries(memberFieldNames.map((f) => [f, undefined])),
};

/** Every household fact, absent: the shape all household facts are cloned from (see memberTemplate). */
const householdTemplate: Record<string, unknown> = {
  $path: '',
  $missing: null,
  $childrenAndExpected: null,
  size: 0,
  medianIncome: undefined,
  incomePercent: undefined,
  members: null,
  adults: null,
  children: null,
  expectedChildren: null,
  childCount: 0,
  pregnant: undefined,
  pregnancyWeek: undefined,
  dueDate: undefined,
  youngestChildBirthDate: undefined,
  employedAdults: 0,
  dualIncome: undefined,
  ...Object.fromEntries(Object.keys(householdFields).map((f) => [f, undefined])),
};

/** A member's facts, from its answers (role and birth date among them), or a baby's, from none. */
function newMemberFacts(path: string | null, index: number, birthDate: string | undefined, asOf: string, answers?: Member): MemberFacts {
  const facts = (answers ? { ...memberTemplate, ...answers } : { ...memberTemplate }) as MemberFacts;
  facts.$path = path;
  facts.$missing = {};
  facts.index = index;
  if (birthDate !== undefined) {
    const ages = agesAt(birthDate, asOf);
    facts.birthDate = birthDate;
    facts.ageMonths = ages.months;
    facts.ageYears = Math.floor(ages.months / 12);
    facts.calendarAge = ages.calendarYears;
    facts.daysSinceBirth = ages.days;
  }
  return facts;
}

function memberFactsFor(member: Member, index: number, asOf: string): MemberFacts {
  const $path = memberPath(index);
  const facts = newMemberFacts($path, index, member.birthDate, asOf, member);
  const $missing = facts.$missing;
  // A member who is pregnant is a woman: her sex is not asked again.
  facts.female = member.sex === undefined ? (member.pregnant === true ? true : undefined) : member.sex === 'female';
  if (facts.female === undefined) $missing.female = [memberPath(index, 'sex')];
  if (member.pregnant === undefined && !mayBecomePregnant(member, facts.ageYears as number)) facts.pregnant = false;
  if (member.birthRegisteredInSeoul === true && member.birthRegistered === undefined) facts.birthRegistered = true;
  if (facts.pregnant === true) {
    if (member.dueDate === undefined) $missing.pregnancyWeek = [memberPath(index, 'dueDate')];
    else facts.pregnancyWeek = 40 - daysBetween(asOf, member.dueDate) / 7;
  } else if (facts.pregnant === undefined) {
    $missing.pregnancyWeek = [memberPath(index, 'pregnant')];
  }
  return facts;
}

/** The babies a pregnant member expects, as child facts whose birth date is the due date. */
function expectedChildrenOf(mother: MemberFacts, asOf: string): MemberFacts[] {
  if (mother.pregnant !== true) return [];
  const dueDate = mother.dueDate as string | undefined;
  const expected = mother.expectedBabies as number | undefined;
  // Unanswered, one baby is the working assumption for amounts; whether it is a multiple birth stays unknown.
  const count = expected ?? 1;
  const unknownDue = dueDate === undefined ? [memberPath(mother.index, 'dueDate')] : undefined;
  const order = mother.expectedBirthOrder as number | undefined;
  return Array.from({ length: count }, (_, k) => {
    const baby = newMemberFacts(null, mother.index, dueDate, asOf);
    baby.unborn = true;
    if (unknownDue) for (const f of ['birthDate', 'ageMonths', 'ageYears', 'calendarAge', 'daysSinceBirth']) baby.$missing[f] = unknownDue;
    if (expected === undefined) baby.$missing.multipleBirth = [memberPath(mother.index, 'expectedBabies')];
    baby.multipleBirth = expected === undefined ? undefined : expected > 1;
    // Twins are born one after the other: the second is the mother's next child.
    if (order === undefined) baby.$missing.birthOrder = [memberPath(mother.index, 'expectedBirthOrder')];
    else baby.birthOrder = order + k;
    return baby;
  });
}

/** The baby a member whose pregnancy is not yet answered would have: every fact waits for that answer. */
function possibleBabyOf(mother: MemberFacts, asOf: string): MemberFacts {
  const baby = newMemberFacts(null, mother.index, undefined, asOf);
  baby.unborn = true;
  baby.possible = true;
  baby.$unknownBecause = [memberPath(mother.index, 'pregnant')];
  return baby;
}

/** Three-valued "some": true if any is true, false if all are false, else undefined. */
function anyOf(values: unknown[]): boolean | undefined {
  if (values.some((v) => v === true)) return true;
  return values.every((v) => v === false) ? false : undefined;
}

function unknownInputs(members: MemberFacts[], fact: string): string[] {
  return members.flatMap((m) => (m[fact] === undefined ? missingInputs(m, fact) : []));
}

export function buildFacts(household: Household, asOf: string, tree: ParameterTree): HouseholdFacts {
  const members = household.members.map((m, i) => memberFactsFor(m, i, asOf));
  const adults = members.filter((m) => m.role === 'adult');
  const children = members.filter((m) => m.role === 'child');
  const $missing: Missing = {};

  const size = household.householdSize ?? household.members.length;
  const medianIncome = medianIncomeFor(size, asOf, tree);
  let incomePercent: number | undefined;
  if (household.monthlyIncome !== undefined) {
    if (medianIncome !== undefined) incomePercent = (household.monthlyIncome * 100) / medianIncome;
    else $missing.incomePercent = [];
  } else if (household.medianIncomePercent !== undefined) {
    incomePercent = household.medianIncomePercent;
  } else {
    $missing.incomePercent = ['monthlyIncome'];
  }

  const pregnant = anyOf(members.map((m) => m.pregnant));
  if (pregnant === undefined) $missing.pregnant = unknownInputs(members, 'pregnant');
  const pregnantMembers = members.filter((m) => m.pregnant === true);
  const weeks = pregnantMembers.map((m) => m.pregnancyWeek);
  const dueDates = pregnantMembers.map((m) => m.dueDate as string | undefined);
  const knownWeeks = weeks.every((w) => w !== undefined);
  if (!knownWeeks || pregnant !== true) {
    $missing.pregnancyWeek = pregnant === undefined ? $missing.pregnant : unknownInputs(pregnantMembers, 'pregnancyWeek');
    $missing.dueDate = $missing.pregnancyWeek;
  }

  const employed = adults.map((m) => m.employed);
  const employedAdults = employed.filter((e) => e === true).length;
  const possiblyEmployed = employed.filter((e) => e !== false).length;
  const dualIncome = employedAdults >= 2 ? true : possiblyEmployed < 2 ? false : undefined;
  if (dualIncome === undefined) $missing.dualIncome = unknownInputs(adults, 'employed');

  const childBirthDates = children.map((c) => c.birthDate as string).sort();
  if (childBirthDates.length === 0) $missing.youngestChildBirthDate = [];

  const expectedChildren = members.flatMap((m) => expectedChildrenOf(m, asOf));
  const facts = { ...householdTemplate, ...household } as unknown as HouseholdFacts;
  // The date is the scope's (an override may replace the household's own): not a household fact.
  facts.asOf = undefined;
  facts.$missing = $missing;
  facts.size = size;
  facts.medianIncome = medianIncome;
  facts.incomePercent = incomePercent;
  facts.members = members;
  facts.adults = adults;
  facts.children = children;
  facts.expectedChildren = expectedChildren;
  facts.$childrenAndExpected = [
    ...children,
    ...expectedChildren,
    ...members.filter((m) => m.pregnant === undefined).map((m) => possibleBabyOf(m, asOf)),
  ];
  facts.childCount = children.length;
  facts.pregnant = pregnant;
  facts.pregnancyWeek = knownWeeks && pregnant === true ? Math.max(...(weeks as number[])) : undefined;
  facts.dueDate = knownWeeks && pregnant === true ? [...(dueDates as string[])].sort()[0] : undefined;
  facts.youngestChildBirthDate = childBirthDates[childBirthDates.length - 1];
  facts.employedAdults = employedAdults;
  facts.dualIncome = dualIncome;
  return facts;
}
