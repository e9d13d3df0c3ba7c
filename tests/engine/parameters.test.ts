import { describe, expect, it } from 'vitest';
import { incomeLimitWon, medianIncomeFor, valueOn } from '../../src/lib/engine/parameters';

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
    expect(medianIncomeFor(4, '2024-12-31')).toBe(5729913);
    expect(medianIncomeFor(4, '2025-01-01')).toBe(6097773);
    expect(medianIncomeFor(4, '2026-06-30')).toBe(6494738);
    expect(medianIncomeFor(1, '2024-06-30')).toBe(2228445);
  });

  it('adds, per person beyond 7, the difference between the 7- and 6-person amounts', () => {
    expect(medianIncomeFor(8, '2024-06-30')).toBe(8514994 + (8514994 - 7618369));
    expect(medianIncomeFor(9, '2025-06-30')).toBe(8988428 + 2 * (8988428 - 8064805));
  });

  it('is unknown before the first table and for impossible sizes', () => {
    expect(medianIncomeFor(3, '2023-12-31')).toBeUndefined();
    expect(medianIncomeFor(0, '2024-06-30')).toBeUndefined();
  });

  it('gives the income limit in whole won: 150% for 3 persons in 2024 is KRW 7,071,985', () => {
    expect(incomeLimitWon(3, 150, '2024-10-15')).toBe(7071985);
    expect(incomeLimitWon(2, 63, '2024-10-15')).toBe(2320043);
  });
});
