/**
 * What if: each change applied to a real sample household through the shipped rules, and the
 * comparison's money and benefits checked against the engine run on both households by hand.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedRuleSet } from '../../src/build/rules/plugin';
import { evaluate, validateHousehold, type Household } from '../../src/lib/engine';
import { totalsOf } from '../../src/lib/results/totals';
import { changed, changesFor, compare } from '../../src/lib/whatif';

const ruleSet = shippedRuleSet();
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/households/${name}.json`, 'utf8')) as Household;
const run = (household: Household) => evaluate(household, { ...ruleSet, asOf: household.asOf! });

describe('what if', () => {
  it('offers a move only to a household outside Seoul', () => {
    expect(changesFor(fixture('pregnant-seoul'))).toEqual(['baby', 'income']);
    expect(changesFor(fixture('outside-seoul'))).toEqual(['baby', 'move', 'income']);
  });

  it('changes only what it says, into a household the engine accepts', () => {
    const household = fixture('pregnant-seoul');
    const asOf = household.asOf!;
    const baby = changed(household, { kind: 'baby' }, asOf);
    expect(baby.members).toHaveLength(household.members.length + 1);
    expect(baby.members.at(-1)).toEqual({
      role: 'child',
      birthDate: asOf,
      birthOrder: 1,
      birthRegistered: true,
      birthRegisteredInSeoul: true,
    });
    expect(changed(fixture('outside-seoul'), { kind: 'move' }, asOf).residence).toBe('seoul');
    const income = changed({ ...household, medianIncomePercent: 80 }, { kind: 'income', monthlyIncome: 2_000_000 }, asOf);
    expect(income.monthlyIncome).toBe(2_000_000);
    expect(income).not.toHaveProperty('medianIncomePercent');
    for (const h of [baby, income]) expect(validateHousehold(h, asOf)).toEqual([]);
    // The pregnant mother's baby is the one born.
    expect(baby.members[0]).toMatchObject({ pregnant: false });
    expect(baby.members[0]).not.toHaveProperty('dueDate');
    // Today's household is left as it was.
    expect(household).toEqual(fixture('pregnant-seoul'));
  });

  it('a baby born today: new one-off money, the benefits gained named, the difference is the sum', () => {
    const household = fixture('pregnant-seoul');
    const now = run(household);
    const then = run(changed(household, { kind: 'baby' }, household.asOf!));
    const comparison = compare(now, then, ruleSet.rules);
    const [a, b] = [totalsOf(now, ruleSet.rules), totalsOf(then, ruleSet.rules)];
    const once = comparison.rows.find((r) => r.key === 'once')!;
    expect(once).toEqual({ key: 'once', now: a.once, then: b.once, difference: b.once - a.once });
    expect(once.difference).toBeGreaterThan(0);
    expect(comparison.gained).toContain('parent-allowance');
    for (const row of comparison.rows) expect(row.difference).toBe(row.then - row.now);
  });

  it('moving to Seoul gains Seoul’s own benefits; a benefit already received counts on neither side', () => {
    const household = fixture('outside-seoul');
    const now = run(household);
    const then = run(changed(household, { kind: 'move' }, household.asOf!));
    const comparison = compare(now, then, ruleSet.rules);
    expect(comparison.gained.length).toBeGreaterThan(0);
    expect(comparison.lost).toEqual([]);
    const [first] = comparison.gained;
    const without = compare(now, then, ruleSet.rules, new Set([first]));
    expect(without.gained).not.toContain(first);
  });

  it('a higher income loses the income-tested benefits, a lower one gains them', () => {
    const household = fixture('single-parent-low-income');
    const now = run(household);
    const rich = compare(now, run(changed(household, { kind: 'income', monthlyIncome: 30_000_000 }, household.asOf!)), ruleSet.rules);
    expect(rich.lost.length).toBeGreaterThan(0);
    expect(rich.gained).toEqual([]);
    const back = compare(run(changed(household, { kind: 'income', monthlyIncome: 30_000_000 }, household.asOf!)), now, ruleSet.rules);
    expect(back.gained.sort()).toEqual([...rich.lost].sort());
  });
});
