/**
 * The engine's evaluate() reaches the Checker through here instead of an import, so that it ships
 * in the chunk that main.ts loads with the rule data (src/lib/rules/index.ts) and not in the first
 * download: with json-logic-js it is ~9 KB gzip, a fifth of the initial budget. Whoever loads the
 * rules provides it (main.ts; tests/setup.ts for the component tests).
 */
import type { EvaluateOptions, Evaluation, Household } from '../engine';

export type Evaluate = (household: Household, options: EvaluateOptions) => Evaluation;

let provided: Evaluate | null = null;

export function provideEvaluator(evaluate: Evaluate): void {
  provided = evaluate;
}

export function evaluator(): Evaluate {
  if (!provided) throw new Error('no evaluator: provide the engine with provideEvaluator() before evaluating');
  return provided;
}
