import { describe, expect, it } from 'vitest';
import { validateHousehold } from '../../src/lib/engine';

const adult = { role: 'adult', birthDate: '1990-01-01' };
const codes = (input: unknown, asOf?: string) => validateHousehold(input, asOf).map((p) => `${p.field} ${p.code}`);

describe('household validation', () => {
  it('accepts a minimal household', () => {
    expect(validateHousehold({ asOf: '2024-10-15', members: [adult] })).toEqual([]);
  });

  it('rejects what is not a household object', () => {
    expect(codes(null)).toEqual(['household notObject']);
    expect(codes([1, 2])).toEqual(['household notObject']);
    expect(codes({})).toEqual(['members required']);
    expect(codes({ members: [] })).toEqual(['members members.empty']);
  });

  it('names impossible and future dates by field', () => {
    expect(codes({ asOf: '2024-10-15', members: [{ role: 'child', birthDate: '2024-02-30' }] })).toEqual([
      'members[0].birthDate date.invalid',
    ]);
    expect(codes({ asOf: '2024-10-15', members: [{ role: 'child', birthDate: '2024-10-16' }] })).toEqual([
      'members[0].birthDate date.future',
    ]);
    expect(codes({ asOf: '2024-13-01', members: [adult] })).toEqual(['asOf date.invalid']);
  });

  it('rejects a due date in the past and one too far ahead, but not today', () => {
    const pregnant = (dueDate: string) => ({ asOf: '2024-10-15', members: [{ ...adult, sex: 'female', pregnant: true, dueDate }] });
    expect(codes(pregnant('2024-10-14'))).toEqual(['members[0].dueDate dueDate.past']);
    expect(codes(pregnant('2024-10-15'))).toEqual([]);
    expect(codes(pregnant('2025-08-19'))).toEqual([]);
    expect(codes(pregnant('2025-08-20'))).toEqual(['members[0].dueDate dueDate.tooFar']);
  });

  it('rejects negative, non-numeric and out-of-range numbers', () => {
    expect(codes({ monthlyIncome: -1, members: [adult] })).toEqual(['monthlyIncome number.negative']);
    expect(codes({ monthlyIncome: '300만원', members: [adult] })).toEqual(['monthlyIncome type.number']);
    expect(codes({ monthlyIncome: Number.NaN, members: [adult] })).toEqual(['monthlyIncome type.number']);
    expect(codes({ householdSize: 2.5, members: [adult] })).toEqual(['householdSize type.integer']);
    expect(codes({ householdSize: 0, members: [adult] })).toEqual(['householdSize number.range']);
  });

  it('rejects wrong types, unknown values and unknown fields', () => {
    expect(codes({ residence: 'busan', members: [adult] })).toEqual(['residence type.enum']);
    expect(codes({ singleParent: 'yes', members: [adult] })).toEqual(['singleParent type.boolean']);
    expect(codes({ members: [{ ...adult, favouriteColour: 'blue' }] })).toEqual(['members[0].favouriteColour unknownField']);
    expect(codes({ members: [{ birthDate: '1990-01-01' }] })).toEqual(['members[0].role required']);
    expect(codes({ members: ['adult'] })).toEqual(['members[0] notObject']);
  });

  it('rejects a pregnancy for a man and a care end date before birth', () => {
    expect(codes({ members: [{ ...adult, sex: 'male', pregnant: true }] })).toEqual(['members[0].pregnant pregnant.male']);
    expect(codes({ asOf: '2024-10-15', members: [{ ...adult, careEndDate: '1980-01-01' }] })).toEqual([
      'members[0].careEndDate date.beforeBirth',
    ]);
  });

  it('gives every problem a Korean and an English message', () => {
    const [problem] = validateHousehold({ monthlyIncome: -5, members: [adult] });
    expect(problem.message.ko).toMatch(/0보다 작을 수 없습니다/);
    expect(problem.message.en).toMatch(/negative/);
  });
});
