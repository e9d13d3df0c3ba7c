/**
 * The engine's evaluate() reaches the Checker through here instead of an import, so that it ships
 * in the chunk that main.ts loads with the rule data (src/lib/rules/index.ts) and not in the first
 * download: with json-logic-js it is ~9 KB gzip, a fifth of the initial budget. Whoever loads the
 * rules provides it (main.ts; tests/setup.ts for the component tests).
 */
import { lateBound } from './lateBound';
import type { EvaluateOptions, Evaluation, Household } from '../engine';

export type Evaluate = (household: Household, options: EvaluateOptions) => Evaluation;

const slot = lateBound<Evaluate>('evaluator', 'provideEvaluator');

export const provideEvaluator = slot.provide;
export const evaluator = slot.get;
