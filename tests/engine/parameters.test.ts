import { describe, expect, it } from 'vitest';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { evaluate, type Household } from '../../src/lib/engine';
import { incomeLimitWon, medianIncomeFor, valueOn } from '../../src/lib/engine/parameters';

const { rules, parameters: tree } = loadRuleSetOrThrow();

describe('dated parameters', () => {
  it('takes the value in force on asOf, switching on the start date itself', () => {
    const values = { '2024-01-01': 150, '2025-01-01': 180 };
    expect(valueOn(values, '2024-12-31')).toBe(150);
    expect(valueOn(values, '2025-01-01')).toBe(180);
    expect(valueOn(values, '2023-12-31')).toBeUndefined();
  });
});

describe('기준 중위소득', () => {
  it('is chosen by the year of asOf', () => {
    expect(medianIncomeFor(4, '2024-12-31', tree)).toBe(5729913);
    expect(medianIncomeFor(4, '2025-01-01', tree)).toBe(6097773);
    expect(medianIncomeFor(4, '2026-06-30', tree)).toBe(6494738);
    expect(medianIncomeFor(1, '2024-06-30', tree)).toBe(2228445);
  });

  it('adds, per person beyond 7, the difference between the 7- and 6-person amounts', () => {
    expect(medianIncomeFor(8, '2024-06-30', tree)).toBe(8514994 + (8514994 - 7618369));
    expect(medianIncomeFor(9, '2025-06-30', tree)).toBe(8988428 + 2 * (8988428 - 8064805));
  });

  it('is unknown before the first table, for impossible sizes and without the table', () => {
    expect(medianIncomeFor(3, '2023-12-31', tree)).toBeUndefined();
    expect(medianIncomeFor(0, '2024-06-30', tree)).toBeUndefined();
    expect(medianIncomeFor(3, '2024-06-30', {})).toBeUndefined();
  });

  it('gives the income limit in whole won: 150% for 3 persons in 2024 is KRW 7,071,985', () => {
    expect(incomeLimitWon(3, 150, '2024-10-15', tree)).toBe(7071985);
    expect(incomeLimitWon(2, 63, '2024-10-15', tree)).toBe(2320043);
  });
});

describe('shared parameters', () => {
  const singleMother: Household = {
    asOf: '2026-06-01',
    residence: 'seoul',
    singleParent: true,
    monthlyIncome: 2_000_000,
    members: [
      { role: 'adult', sex: 'female', birthDate: '1990-01-01', pregnant: false },
      { role: 'child', birthDate: '2012-03-01', inSchool: true, schoolLevel: 'middle' },
    ],
  };
  const users = rules.filter((r) =>
    Object.values(r.parameters ?? {}).some((p) => 'shared' in p && p.shared === 'single-parent/income-limit-percent'),
  );
  const statuses = (parameters: typeof tree) => evaluate(singleMother, { rules: users, parameters }).results.map((r) => [r.id, r.status]);

  it('are used by more than one rule', () => {
    expect(users.length).toBeGreaterThanOrEqual(2);
  });

  it('change every rule that names them when changed once', () => {
    expect(statuses(tree).every(([, status]) => status === 'eligible')).toBe(true);
    const lowered = structuredClone(tree);
    lowered['single-parent/income-limit-percent'].values['2026-01-01'].value = 10;
    expect(statuses(lowered).every(([, status]) => status === 'ineligible')).toBe(true);
  });

  it('make a rule naming a missing one fail on its own, not the others', () => {
    const { ['single-parent/income-limit-percent']: _gone, ...rest } = tree;
    expect(statuses(rest).every(([, status]) => status === 'error')).toBe(true);
  });
});
