/**
 * Runs every rule file's own test cases, and checks that the cases exercise each criterion both
 * ways, so a rule cannot land with a criterion no test has seen met and unmet.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lib/engine';
import type { Outcome, RuleFile } from '../../src/lib/engine';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

const { rules, parameters } = loadRuleSetOrThrow();

/** The rule with those it is taken instead of, or that are taken instead of it: replacement needs both. */
const related = (rule: RuleFile) =>
  rules.filter((r) => r !== rule && (rule.instead?.some((i) => i.of === r.id) || r.instead?.some((i) => i.of === rule.id)));

function run(rule: RuleFile, index: number) {
  const test = rule.tests[index];
  return evaluate(test.household, { rules: [rule, ...related(rule)], parameters }).results[0];
}

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it.each(rule.tests.map((t, i) => [t.name, i] as const))('%s', (_name, i) => {
    const { expect: want } = rule.tests[i];
    const got = run(rule, i);
    expect(got.error).toBeUndefined();
    expect(got.status).toBe(want.status);
    if (want.amount !== undefined) expect(got.amount?.value ?? null).toBe(want.amount);
    if (want.missing !== undefined) expect([...got.missing].sort()).toEqual([...want.missing].sort());
    if (want.applyBy !== undefined) expect(got.applyBy).toBe(want.applyBy);
    if (want.upcomingDate !== undefined) expect(got.upcomingDate).toBe(want.upcomingDate);
    if (want.months !== undefined) expect(got.amount?.months ?? null).toBe(want.months);
    if (want.replacedBy !== undefined) expect(got.replacedBy ?? null).toBe(want.replacedBy);
    if (want.members !== undefined) {
      const members = (got.candidates ?? []).map((c, k) => {
        const spec = want.members![k] ?? {};
        return {
          index: c.index,
          ...('unborn' in spec ? { unborn: c.unborn } : {}),
          status: c.status,
          ...('amount' in spec ? { amount: c.amount } : {}),
          ...('missing' in spec ? { missing: [...c.missing].sort() } : {}),
        };
      });
      expect(members).toEqual(want.members.map((m) => (m.missing ? { ...m, missing: [...m.missing].sort() } : m)));
    }
    for (const [criterion, outcome] of Object.entries(want.criteria ?? {})) {
      expect(rule.criteria.map((c) => c.id)).toContain(criterion);
      const seen = (got.candidates ?? [{ criteria: got.criteria }]).flatMap((c) =>
        c.criteria.filter((o) => o.id === criterion).map((o) => o.outcome),
      );
      expect(seen, `criterion ${criterion}`).toContain(outcome);
    }
  });

  it('has cases in which every criterion is met and unmet, and an eligible and an ineligible outcome', () => {
    const seen = new Map<string, Set<Outcome>>(rule.criteria.map((c) => [c.id, new Set()]));
    const statuses = new Set<string>();
    rule.tests.forEach((_, i) => {
      const got = run(rule, i);
      statuses.add(got.status);
      for (const candidate of got.candidates ?? [{ criteria: got.criteria }]) {
        for (const c of candidate.criteria) seen.get(c.id)!.add(c.outcome);
      }
    });
    for (const [id, outcomes] of seen) {
      expect(outcomes.has('met') && outcomes.has('unmet'), `criterion ${id} is seen met and unmet`).toBe(true);
    }
    expect(statuses.has('eligible'), 'an eligible case').toBe(true);
    expect(statuses.has('ineligible'), 'an ineligible case').toBe(true);
  });

  it('cites its source, legal basis and the date its figures were checked', () => {
    expect(rule.source.seed).toMatch(/^seeds\//);
    expect(rule.legalBasis.length).toBeGreaterThan(0);
    expect(rule.verifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rule.tests.length).toBeGreaterThanOrEqual(2);
  });
});
