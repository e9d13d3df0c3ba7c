/**
 * The engine's lean path (explain: false), which screening many households takes, against the full
 * evaluation as the reference: every status, amount, date, missing input and replacement the
 * same, only criteria and reasons left out. Over fuzzed households and the bench's realistic ones,
 * on dates when different rules are in force.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, validateHousehold, type Evaluation, type Household } from '../../src/lib/engine';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { benchHouseholds } from '../bench/households';
import { runs } from '../fuzz';
import { householdArb } from './arbitraries';

const ruleSet = loadRuleSetOrThrow();
const DATES = [undefined, '2025-07-01', '2026-03-01'];

/** The full evaluation as the lean path gives it: no criteria, no reasons. */
function unexplained(evaluation: Evaluation): Evaluation {
  return {
    asOf: evaluation.asOf,
    results: evaluation.results.map((r) => ({
      ...r,
      criteria: [],
      reasons: [],
      candidates: r.candidates?.map((c) => ({ ...c, criteria: [], reasons: [] })),
    })),
  };
}

function expectSame(household: Household, asOf: string | undefined) {
  const full = evaluate(household, { ...ruleSet, asOf });
  const lean = evaluate(household, { ...ruleSet, asOf, explain: false });
  expect(JSON.stringify(lean)).toBe(JSON.stringify(unexplained(full)));
}

describe('the lean evaluation (explain: false)', { timeout: 600_000 }, () => {
  it('gives exactly what the full evaluation gives, less its explanations, for any valid household', () => {
    fc.assert(
      fc.property(householdArb, fc.constantFrom(...DATES), (household, asOf) => {
        fc.pre(validateHousehold(household, asOf).length === 0);
        expectSame(household, asOf);
      }),
      { numRuns: runs(5_000) },
    );
  });

  it('gives exactly what the full evaluation gives for realistic households (the bench mix)', () => {
    for (const asOf of DATES)
      for (const household of benchHouseholds(runs(1_000)))
        if (validateHousehold(household, asOf).length === 0) expectSame(household, asOf);
  });
});
