/** The eligibility engine: generic, benefit-agnostic; benefits live in rules/. */
export { evaluate, evaluateRule, type EvaluateOptions } from './evaluate';
export {
  validateHousehold,
  validateAsOf,
  assertValidHousehold,
  InvalidHouseholdError,
  MAX_MEMBERS,
  DATE_YEARS,
  type ValidationIssue,
  type IssueParams,
  type IssueCode,
} from './validate';
export { buildFacts, derivedHouseholdFacts, derivedMemberFacts } from './facts';
export { mayBecomePregnant, MIN_PREGNANCY_AGE } from './pregnancy';
export {
  medianIncomeFor,
  incomeLimitWon,
  valueOn,
  parameterOn,
  resolveParameter,
  MEDIAN_INCOME,
  UNITS,
  type Parameter,
  type ParameterTree,
  type SharedParameter,
  type DatedValue,
  type Unit,
} from './parameters';
export { memberPath, parseInputPath, type InputPath } from './inputPath';
export { todayInSeoul, isIsoDate, inModelYears, daysBetween, completedYears } from './dates';
export { householdFields, memberFields, type FieldSpec, type HouseholdField, type MemberField } from './inputModel';
export * from './types';
