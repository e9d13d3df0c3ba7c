/**
 * The rule files as the app gets them (checked at build time, test cases left out), and the engine
 * that applies them: one lazily loaded chunk, off the first download (see questionnaire/evaluator.ts).
 */
import rules from 'virtual:benefit-rules';
import type { Rule } from '../engine/types';

export const benefitRules = rules as Rule[];
export { evaluate } from '../engine/evaluate';
