import { describe, expect, it } from 'vitest';
import { buildFacts, missingInputs } from '../../src/lib/engine/facts';
import type { Household } from '../../src/lib/engine';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

const asOf = '2024-10-15';
const { parameters: tree } = loadRuleSetOrThrow();

describe('derived facts', () => {
  it('gives each member age in completed months and years, and days since birth', () => {
    const facts = buildFacts({ members: [{ role: 'child', birthDate: '2022-10-15' }] }, asOf, tree);
    expect(facts.children[0]).toMatchObject({ ageMonths: 24, ageYears: 2, daysSinceBirth: 731, unborn: false });
  });

  it('computes pregnancy week as 40 − (dueDate − asOf) / 7 days', () => {
    const facts = buildFacts(
      { members: [{ role: 'adult', sex: 'female', birthDate: '1993-05-02', pregnant: true, dueDate: '2025-04-29' }] },
      asOf,
      tree,
    );
    expect(facts.members[0].pregnancyWeek).toBe(12);
    expect(facts.pregnancyWeek).toBe(12);
    expect(facts.dueDate).toBe('2025-04-29');
    expect(facts.pregnant).toBe(true);
  });

  it('turns a pregnancy into expected babies whose birth date is the due date', () => {
    const facts = buildFacts(
      { members: [{ role: 'adult', sex: 'female', birthDate: '1993-05-02', pregnant: true, dueDate: '2025-02-15', expectedBabies: 2 }] },
      asOf,
      tree,
    );
    expect(facts.expectedChildren).toHaveLength(2);
    expect(facts.expectedChildren[0]).toMatchObject({ unborn: true, birthDate: '2025-02-15', index: 0, multipleBirth: true });
  });

  it('expects one baby while the number is unanswered, without claiming it is not a multiple birth', () => {
    const facts = buildFacts(
      { members: [{ role: 'adult', sex: 'female', birthDate: '1993-05-02', pregnant: true, dueDate: '2025-02-15' }] },
      asOf,
      tree,
    );
    expect(facts.expectedChildren).toHaveLength(1);
    expect(facts.expectedChildren[0].multipleBirth).toBeUndefined();
    expect(missingInputs(facts.expectedChildren[0], 'multipleBirth')).toEqual(['members[0].expectedBabies']);
  });

  it('names the input that would decide an unknown fact', () => {
    const facts = buildFacts(
      {
        members: [
          { role: 'adult', sex: 'female', birthDate: '1993-05-02' },
          { role: 'child', birthDate: '2024-01-01' },
        ],
      },
      asOf,
      tree,
    );
    expect(facts.pregnant).toBeUndefined();
    expect(missingInputs(facts, 'pregnant')).toEqual(['members[0].pregnant']);
    expect(facts.incomePercent).toBeUndefined();
    expect(missingInputs(facts, 'incomePercent')).toEqual(['monthlyIncome']);
    expect(missingInputs(facts, 'residence')).toEqual(['residence']);
    expect(missingInputs(facts.children[0], 'birthRegisteredInSeoul')).toEqual(['members[1].birthRegisteredInSeoul']);
    expect(missingInputs(facts, 'medianIncome')).toEqual([]);
  });

  it('knows a man is not pregnant without asking', () => {
    const facts = buildFacts({ members: [{ role: 'adult', sex: 'male', birthDate: '1990-01-01' }] }, asOf, tree);
    expect(facts.pregnant).toBe(false);
  });

  it('takes income as a share of the median for the household size, or the % given directly', () => {
    const byWon = buildFacts(
      { monthlyIncome: 5729913, members: Array.from({ length: 4 }, () => ({ role: 'adult' as const, birthDate: '1990-01-01' })) },
      asOf,
      tree,
    );
    expect(byWon.size).toBe(4);
    expect(byWon.incomePercent).toBe(100);
    const byPercent = buildFacts({ medianIncomePercent: 72, members: [{ role: 'adult', birthDate: '1990-01-01' }] }, asOf, tree);
    expect(byPercent.incomePercent).toBe(72);
    const sized: Household = { householdSize: 3, monthlyIncome: 4714657, members: [{ role: 'adult', birthDate: '1990-01-01' }] };
    expect(buildFacts(sized, asOf, tree).incomePercent).toBe(100);
  });

  it('decides dual income three-valued from the adults', () => {
    const adult = (employed?: boolean) => ({ role: 'adult' as const, birthDate: '1990-01-01', employed });
    expect(buildFacts({ members: [adult(true), adult(true)] }, asOf, tree).dualIncome).toBe(true);
    expect(buildFacts({ members: [adult(true), adult(false)] }, asOf, tree).dualIncome).toBe(false);
    const open = buildFacts({ members: [adult(true), adult(undefined)] }, asOf, tree);
    expect(open.dualIncome).toBeUndefined();
    expect(missingInputs(open, 'dualIncome')).toEqual(['members[1].employed']);
  });

  it('treats a birth registered in Seoul as a registered birth', () => {
    const facts = buildFacts({ members: [{ role: 'child', birthDate: '2024-10-01', birthRegisteredInSeoul: true }] }, asOf, tree);
    expect(facts.children[0].birthRegistered).toBe(true);
  });

  it('takes a member who is pregnant for a woman without asking her sex', () => {
    const facts = buildFacts({ members: [{ role: 'adult', birthDate: '1993-05-02', pregnant: true, dueDate: '2025-02-15' }] }, asOf, tree);
    expect(facts.members[0].female).toBe(true);
    expect(missingInputs(facts.members[0], 'female')).toEqual([]);
    const unsaid = buildFacts({ members: [{ role: 'adult', birthDate: '1993-05-02' }] }, asOf, tree);
    expect(missingInputs(unsaid.members[0], 'female')).toEqual(['members[0].sex']);
  });
});
