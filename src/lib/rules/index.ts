/**
 * The rule files and shared parameters as the app gets them (checked at build time; test cases and
 * sources left out), and the engine that applies them: one lazily loaded chunk, off the first
 * download (see questionnaire/evaluator.ts).
 */
import ruleSet from 'virtual:benefit-rules';
import type { RuleSet } from '../engine/types';
import './code';
import { withRuleTexts } from './texts';

export const benefitRuleSet = withRuleTexts(ruleSet as RuleSet);
export { evaluate } from '../engine/evaluate';
