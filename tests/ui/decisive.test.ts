/**
 * Only questions that matter (issue "Results a family can trust"): over random households, every
 * question the questionnaire would ask can change some benefit's status or amount for that household
 * — for some answer, with the other open questions answered some way — and every input the engine
 * names as missing has a question that asks it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import {
  evaluate,
  householdFields,
  memberFields,
  validateHousehold,
  type FieldSpec,
  type Household,
  type Rule,
  type RuleResult,
} from '../../src/lib/engine';
import { plusDays } from '../../src/lib/engine/dates';
import { rankSteps, refForPath } from '../../src/lib/questionnaire/decisive';
import { HOUSEHOLD_STEP_MEMBER_FIELDS, INCOME_STEP } from '../../src/lib/questionnaire/fields';
import { AS_OF, householdArb } from '../engine/arbitraries';
import { runs } from '../fuzz';

const { rules, parameters } = loadRuleSetOrThrow();

const days = (offsets: number[]) => offsets.map((d) => plusDays(AS_OF, d));
const YEAR = 365;

/** Answers worth trying for a field: every choice, and numbers and dates across the limits rules use. */
function answers(name: string, spec: FieldSpec): unknown[] {
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return [true, false];
    case 'enum':
      return [...t.values];
    case 'date':
      if (name === 'dueDate') return days([1, 14, 40, 90, 150, 200, 250, 280]);
      return days([-1, -30, -59, -61, -90, -179, -181, -YEAR, -2 * YEAR, -3 * YEAR, -5 * YEAR, -6 * YEAR, -10 * YEAR]);
    case 'integer':
    case 'number': {
      if (name === 'monthlyIncome')
        return [0, 1_000_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 6_000_000, 9_000_000, 15_000_000, 30_000_000];
      if (name === 'medianIncomePercent') return [0, 30, 50, 60, 63, 65, 75, 90, 100, 120, 150, 180, 200, 250, 300];
      const picks = [t.min, t.min + 1, 1, 2, 3, 4, 5, 6, 10, 12, 20, 24, 40, 60, 80, 100, 200, t.max];
      return [...new Set(picks.filter((n) => n >= t.min && n <= t.max))];
    }
  }
}

const PATH = /^members\[(\d+)\]\.(\w+)$/;

function specOf(path: string): { name: string; spec: FieldSpec; member: number | null } | null {
  const m = PATH.exec(path);
  const name = m ? m[2] : path;
  const table = (m ? memberFields : householdFields) as Record<string, FieldSpec>;
  return Object.hasOwn(table, name) ? { name, spec: table[name], member: m ? Number(m[1]) : null } : null;
}

function withAnswer(household: Household, path: string, value: unknown): Household {
  const copy = structuredClone(household) as unknown as Record<string, unknown> & { members: Record<string, unknown>[] };
  const target = specOf(path)!;
  if (target.member === null) copy[target.name] = value;
  else copy.members[target.member][target.name] = value;
  // Income is asked as one question with two forms: an answer in one form replaces the other.
  if (target.name === 'monthlyIncome') delete copy.medianIncomePercent;
  return copy as unknown as Household;
}

/** What a resident would see of one benefit: its status, amount and dates, and each member's status. */
function outcome(household: Household, rule: Rule): string | null {
  if (validateHousehold(household).length > 0) return null;
  const [r] = evaluate(household, { rules: [rule, ...related(rule)], parameters, asOf: AS_OF }).results;
  return JSON.stringify([
    r.status,
    r.amount?.value,
    r.amount?.months,
    r.applyBy,
    r.upcomingDate,
    (r.candidates ?? []).map((c) => c.status),
  ]);
}

/** Rules that replace or are replaced by `rule`: its outcome depends on them. */
const related = (rule: Rule) =>
  rules.filter((r) => r !== rule && (rule.instead?.some((i) => i.of === r.id) || r.instead?.some((i) => i.of === rule.id)));

const openOf = (r: RuleResult) => [...new Set([...r.missing, ...(r.candidates ?? []).flatMap((c) => c.missing)])];

/** Every way of answering `paths` (each left open, or given one of its answers), at most `limit` of them, spread evenly. */
function completions(paths: string[], limit: number): [string, unknown][][] {
  const choices = paths.map((p) => {
    const spec = specOf(p)!;
    return [undefined, ...answers(spec.name, spec.spec)];
  });
  const total = choices.reduce((n, c) => n * c.length, 1);
  const stride = Math.max(1, Math.floor(total / limit));
  const out: [string, unknown][][] = [];
  for (let k = 0; k < total && out.length < limit; k += stride) {
    let rest = k;
    out.push(
      paths.map((p, i) => {
        const pick = choices[i][rest % choices[i].length];
        rest = Math.floor(rest / choices[i].length);
        return [p, pick];
      }),
    );
  }
  return out;
}

/**
 * Whether some answer to `path` changes some benefit that names it as missing, with that benefit's
 * other open inputs answered any way (or left open).
 */
function decides(household: Household, path: string, results: RuleResult[]): boolean {
  const target = specOf(path)!;
  const values = answers(target.name, target.spec);
  for (const result of results.filter((r) => openOf(r).includes(path))) {
    const rule = rules.find((r) => r.id === result.id)!;
    const others = openOf(result).filter(
      (p) => p !== path && specOf(p) !== null && !(path === 'monthlyIncome' && p === 'medianIncomePercent'),
    );
    for (const completion of completions(others, 400)) {
      let base = household;
      for (const [p, value] of completion) if (value !== undefined) base = withAnswer(base, p, value);
      if (validateHousehold(base).length > 0) continue;
      const seen = new Set(values.map((v) => outcome(withAnswer(base, path, v), rule)).filter((o): o is string => o !== null));
      if (seen.size > 1) return true;
    }
  }
  return false;
}

describe('only questions that matter', () => {
  it('every question asked can change some result, and every missing input has a question', () => {
    fc.assert(
      fc.property(householdArb, (household) => {
        fc.pre(validateHousehold(household).length === 0);
        const evaluation = evaluate(household, { rules, parameters, asOf: AS_OF });
        const idAt = household.members.map((_, i) => `m${i}`);
        const open = [...new Set(evaluation.results.flatMap(openOf))];
        for (const path of open) expect(refForPath(path, idAt), `${path} has a question`).not.toBeNull();
        // Questions of the household step (birth dates, pregnancy and its due date) are asked of everyone, not chosen.
        const chosen = rankSteps(evaluation, idAt).filter(
          ({ step }) => !(HOUSEHOLD_STEP_MEMBER_FIELDS as readonly string[]).includes(step.slice(2)),
        );
        for (const { step, members } of chosen) {
          const paths =
            step === INCOME_STEP
              ? ['monthlyIncome']
              : step.startsWith('h:')
                ? [step.slice(2)]
                : members.map((id) => `members[${idAt.indexOf(id)}].${step.slice(2)}`);
          for (const path of paths)
            expect(decides(household, path, evaluation.results), `${step} for ${path} in ${JSON.stringify(household)}`).toBe(true);
        }
      }),
      { numRuns: runs(40) },
    );
  });
});
