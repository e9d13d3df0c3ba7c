/**
 * The engine's work grows linearly with the members of a household, measured by counting (never by
 * timing): every read of a member's facts while every rule is evaluated. A household of 2n members,
 * the same people as one of n twice over, must cost at most about twice as many reads; a criterion
 * recomputed per member that scans the whole household would cost four times as many. The sizes go
 * past the 30-member limit of validation on purpose, so that any quadratic term dominates.
 * A rule whose own logic compares each member with the others (an older sibling of this baby) is
 * quadratic by design, bounded by that limit: such rules are left out here, by reading their logic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { evaluateRule, validateHousehold, type Household, type Rule } from '../../src/lib/engine';
import { buildFacts, type HouseholdFacts, type MemberFacts } from '../../src/lib/engine/facts';
import { runs } from '../fuzz';
import { AS_OF, householdArb } from './arbitraries';

const { rules: allRules, parameters } = loadRuleSetOrThrow();

/** The var names an expression reads. */
function varsOf(logic: unknown): string[] {
  if (Array.isArray(logic)) return logic.flatMap(varsOf);
  if (typeof logic !== 'object' || logic === null) return [];
  return Object.entries(logic).flatMap(([op, args]) => (op === 'var' ? [String(Array.isArray(args) ? args[0] : args)] : varsOf(args)));
}

/** Whether one of the rule's expressions reads both the member checked and a list of the household's members. */
function comparesMembers(rule: Rule): boolean {
  const expressions = [...rule.criteria.map((c) => c.logic), rule.amount?.value, rule.applyBy, rule.upcoming?.when, rule.upcoming?.date];
  return expressions.some((logic) => {
    const vars = varsOf(logic);
    return vars.some((v) => v.startsWith('member.')) && vars.some((v) => /^household\.(members|adults|children|expectedChildren)$/.test(v));
  });
}

const rules = allRules.filter((r) => !comparesMembers(r));

/** The household's members repeated to `n`, with one fixed household size so income tests do not change. */
const scaled = (h: Household, n: number): Household => ({
  ...h,
  householdSize: 30,
  members: Array.from({ length: n }, (_, i) => h.members[i % h.members.length]),
});

/** Reads of member facts while every rule is evaluated for `household`. */
function memberReads(household: Household): number {
  const facts = buildFacts(household, AS_OF, parameters);
  let reads = 0;
  const proxies = new Map<MemberFacts, MemberFacts>();
  const counted = (m: MemberFacts) => {
    let proxy = proxies.get(m);
    if (!proxy) {
      proxy = new Proxy(m, {
        get(target, key, receiver) {
          reads += 1;
          return Reflect.get(target, key, receiver);
        },
      });
      proxies.set(m, proxy);
    }
    return proxy;
  };
  const lists = ['members', 'adults', 'children', 'expectedChildren', '$childrenAndExpected'] as const;
  const watched = { ...facts } as HouseholdFacts;
  for (const list of lists) watched[list] = facts[list].map(counted);
  for (const rule of rules) evaluateRule(rule, watched, AS_OF, parameters);
  return reads;
}

describe('evaluation work', () => {
  it('leaves out only the rules that compare members with each other, and keeps most', () => {
    expect(rules.length).toBeGreaterThan(allRules.length / 2);
    for (const rule of allRules.filter(comparesMembers)) expect(rule.scope.members, rule.id).not.toBe('household');
  });

  it('reads member facts in proportion to the number of members', () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        fc.pre(validateHousehold(h).length === 0);
        const n = 60 * h.members.length;
        const once = memberReads(scaled(h, n));
        const twice = memberReads(scaled(h, 2 * n));
        expect(twice).toBeGreaterThan(0);
        expect(twice / once).toBeLessThanOrEqual(2.1);
      }),
      { numRuns: runs(100) },
    );
  });
});
