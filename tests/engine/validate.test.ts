import { describe, expect, it } from 'vitest';
import { householdFields, MAX_MEMBERS, memberFields, validateAsOf, validateHousehold, type FieldSpec } from '../../src/lib/engine';
import { LOCALES } from '../../src/lib/languages';
import { errorText } from '../../src/lib/questionnaire/labels';
import { lang } from '../text';

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

  it('holds every number of the model, household and member, to its range: a field added later included', () => {
    const numeric = (fields: Record<string, FieldSpec>) =>
      Object.entries(fields).flatMap(([name, spec]) =>
        spec.type.kind === 'integer' || spec.type.kind === 'number' ? [{ name, ...spec.type }] : [],
      );
    const household = numeric(householdFields).map((f) => ({
      ...f,
      at: f.name,
      input: (v: number) => ({ [f.name]: v, members: [adult] }),
    }));
    const member = numeric(memberFields).map((f) => ({
      ...f,
      at: `members[0].${f.name}`,
      input: (v: number) => ({ members: [{ ...adult, [f.name]: v }] }),
    }));
    expect(household.map((f) => f.name)).toEqual(expect.arrayContaining(['housingDeposit', 'monthlyRent', 'childCarerHoursPerMonth']));
    for (const f of [...household, ...member]) {
      // A limit a sum of money keeps exact, and that a resident can reach by typing.
      expect(Number.isSafeInteger(f.max), f.name).toBe(true);
      expect(f.min, f.name).toBeGreaterThanOrEqual(0);
      expect(codes(f.input(f.min)), f.name).toEqual([]);
      expect(codes(f.input(f.max)), f.name).toEqual([]);
      expect(codes(f.input(f.max + 1)), f.name).toEqual([`${f.at} number.range`]);
      expect(codes(f.input(f.min - 1)), f.name).toEqual([`${f.at} ${f.min === 0 ? 'number.negative' : 'number.range'}`]);
      expect(codes(f.input(Number.POSITIVE_INFINITY)), f.name).toEqual([`${f.at} type.number`]);
      expect(validateHousehold(f.input(f.max + 1))[0].params, f.name).toEqual({ min: f.min, max: f.max });
    }
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

  it("gives every problem a message in every language, from the app's catalogues", () => {
    const [problem] = validateHousehold({ monthlyIncome: -5, members: [adult] });
    expect(errorText(problem, lang('ko').t, 'ko')).toMatch(/0보다 작은 금액은 입력할 수 없어요/);
    expect(errorText(problem, lang('en').t, 'en')).toMatch(/negative/);
    for (const code of LOCALES) expect(errorText(problem, lang(code).t, code), code).not.toMatch(/^$|validation\./);
  });

  it('keeps dates to the years 1900–2100, in every date field and asOf, saying which years', () => {
    const member = (over: object) => ({ asOf: '2024-10-15', members: [{ ...adult, ...over }] });
    expect(codes(member({ birthDate: '0000-01-01' }))).toEqual(['members[0].birthDate date.range']);
    expect(codes(member({ birthDate: '1899-12-31' }))).toEqual(['members[0].birthDate date.range']);
    expect(codes(member({ birthDate: '1900-01-01' }))).toEqual([]);
    expect(codes(member({ careEndDate: '0099-01-01' }))).toEqual(['members[0].careEndDate date.range']);
    expect(codes({ asOf: '9999-12-31', members: [adult] })).toEqual(['asOf date.range']);
    expect(codes({ asOf: '2100-12-31', members: [adult] })).toEqual([]);
    expect(codes({ members: [adult] }, '2101-01-01')).toEqual(['asOf date.range']);
    expect(validateAsOf('0001-01-01').map((p) => p.code)).toEqual(['date.range']);
    const pregnant = { asOf: '2100-12-31', members: [{ ...adult, sex: 'female', pregnant: true, dueDate: '2101-03-01' }] };
    expect(codes(pregnant)).toEqual(['members[0].dueDate date.range']);
    const [problem] = validateHousehold(member({ birthDate: '0000-01-01' }));
    expect(problem.params).toEqual({ fromYear: 1900, toYear: 2100 });
    expect(errorText(problem, lang('ko').t, 'ko')).toContain('1900년부터 2100년');
  });

  it('allows at most 30 members (the householdSize range), refusing more with one issue before reading any member', () => {
    expect(MAX_MEMBERS).toBe(30);
    const many = (n: number) => Array.from({ length: n }, () => ({ ...adult }));
    expect(codes({ members: many(30) })).toEqual([]);
    expect(codes({ members: many(31) })).toEqual(['members members.tooMany']);
    // Thousands of members, every one broken: still one issue, and no member is looked at.
    const poisoned = Array.from({ length: 10_000 }, () => ({
      get role(): string {
        throw new Error('a member was read');
      },
    }));
    expect(codes({ members: poisoned })).toEqual(['members members.tooMany']);
    expect(validateHousehold({ members: many(31) })[0].params).toEqual({ max: 30 });
  });

  it('refuses a householdSize below the number of members listed, with the count', () => {
    expect(codes({ householdSize: 1, members: [adult, adult, adult] })).toEqual(['householdSize householdSize.tooSmall']);
    expect(codes({ householdSize: 3, members: [adult, adult, adult] })).toEqual([]);
    expect(codes({ householdSize: 5, members: [adult, adult, adult] })).toEqual([]);
    const [problem] = validateHousehold({ householdSize: 2, members: [adult, adult, adult] });
    expect(problem.params).toEqual({ count: 3 });
    expect(errorText(problem, lang('en').t, 'en')).toContain('3 people');
  });

  it('gives the figures of a message as params, so translations can say them', () => {
    expect(validateHousehold({ householdSize: 0, members: [adult] })[0].params).toEqual({ min: 1, max: 30 });
    const tooYoung = validateHousehold({ asOf: '2024-10-15', members: [{ role: 'child', birthDate: '2020-01-01', pregnant: true }] });
    expect(tooYoung[0].params).toEqual({ age: 10 });
  });
});
