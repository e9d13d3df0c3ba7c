/** The resident questionnaire: household first, then only the questions that still decide a benefit. */
export { Checker, HOUSEHOLD, SUMMARY, type CheckerOptions } from './checker.svelte';
export { default as Questionnaire } from './Questionnaire.svelte';
// The parts of Questionnaire, which the resident page hydrates as separate roots.
export { default as QuestionCard } from './QuestionCard.svelte';
export { default as Progress } from './Progress.svelte';
export { default as StepForm } from './StepForm.svelte';
export { buildHousehold, initialForm, isPristine, memberKey, type FormState, type MemberState } from './form';
export { rankSteps, decidingStep, refForPath, type DecisiveStep } from './decisive';
export { allFields, householdField, memberField, INCOME_STEP, type FieldInfo, type QuestionKind } from './fields';
export { parseAnswer, normalizeDate, normalizeNumber, UNKNOWN_ANSWER, type FieldError } from './parse';
export { stepTitle, fieldLabel, type Translate } from './labels';
export { keysOf, stepProblems } from './steps';
export { summaryRows } from './summary';
