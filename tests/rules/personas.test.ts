/**
 * Issue 11's pregnant-woman persona, evaluated with every rule on 2026-12-01: what the pregnancy and
 * birth benefits tell her (임산부 교통비, 산후조리경비, 첫만남이용권, 난자동결 시술비).
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lib/engine';
import type { Household, Member } from '../../src/lib/engine';
import { plusDays } from '../../src/lib/engine/dates';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';

const ruleSet = loadRuleSetOrThrow();
const asOf = '2026-12-01';

/** A pregnant woman in week 22 (her due date 18 weeks away), her husband, 400만원 a month, in Seoul. */
function pregnantWoman(pregnancy: Partial<Member> = {}): Household {
  return {
    asOf,
    residence: 'seoul',
    householdSize: 2,
    monthlyIncome: 4_000_000,
    members: [
      { role: 'adult', sex: 'female', birthDate: '1994-04-10', pregnant: true, dueDate: plusDays(asOf, 18 * 7), ...pregnancy },
      { role: 'adult', sex: 'male', birthDate: '1992-09-01' },
    ],
  };
}

const resultOf = (household: Household, id: string) => {
  const found = evaluate(household, ruleSet).results.find((r) => r.id === id);
  if (!found) throw new Error(`no result for ${id}`);
  return found;
};

describe('a pregnant woman (22 weeks, 2 persons, 400만원, Seoul) on 2026-12-01', () => {
  it('can get 임산부 교통비 now: KRW 700,000', () => {
    const result = resultOf(pregnantWoman(), 'pregnancy-transport');
    expect(result.status).toBe('eligible');
    expect(result.amount?.value).toBe(700_000);
  });

  it('will get 산후조리경비 after the birth: KRW 1,000,000', () => {
    const result = resultOf(pregnantWoman(), 'postpartum-care');
    expect(result.status).toBe('upcoming');
    expect(result.amount?.value).toBe(1_000_000);
    expect(result.upcomingDate).toBe(plusDays(asOf, 18 * 7));
  });

  it('will get 첫만남이용권, whose amount waits for which child of hers the baby will be', () => {
    const result = resultOf(pregnantWoman(), 'first-meeting-voucher');
    expect(result.status).toBe('upcoming');
    expect(result.amount?.value ?? null).toBeNull();
    expect(result.missing).toEqual(['members[0].expectedBirthOrder']);
  });

  it.each([
    [1, 2_000_000],
    [2, 3_000_000],
    [3, 3_000_000],
  ])('will get 첫만남이용권 for her child number %i: KRW %i', (order, amount) => {
    const result = resultOf(pregnantWoman({ expectedBirthOrder: order }), 'first-meeting-voucher');
    expect(result.status).toBe('upcoming');
    expect(result.amount?.value).toBe(amount);
  });

  it('will get 첫만남이용권 for twins in her first pregnancy: KRW 2,000,000 + 3,000,000', () => {
    const result = resultOf(pregnantWoman({ expectedBirthOrder: 1, expectedBabies: 2 }), 'first-meeting-voucher');
    expect(result.amount?.value).toBe(5_000_000);
    expect(result.amount?.members?.map((m) => m.value)).toEqual([2_000_000, 3_000_000]);
  });

  it('is not offered 난자동결 시술비 as money she can get, because she is pregnant', () => {
    const result = resultOf(pregnantWoman({ koreanNational: true, monthsLivingInSeoul: 60 }), 'egg-freezing');
    expect(result.status).toBe('ineligible');
    expect(result.amount).toBeNull();
    const candidate = result.candidates?.find((c) => c.index === 0);
    expect(candidate?.criteria.find((c) => c.id === 'not-pregnant')?.outcome).toBe('unmet');
  });

  it('is not asked anything about egg freezing (nationality, AMH), since the pregnancy already decides it', () => {
    const result = resultOf(pregnantWoman(), 'egg-freezing');
    expect(result.status).toBe('ineligible');
    expect(result.missing).toEqual([]);
    expect(result.candidates?.flatMap((c) => c.missing)).toEqual([]);
  });
});
