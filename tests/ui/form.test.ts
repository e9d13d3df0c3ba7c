import { describe, expect, it } from 'vitest';
import { buildHousehold, initialForm, isPristine, type FormState } from '../../src/lib/questionnaire/form';
import { restoreForm } from '../../src/lib/questionnaire/restore';

const asOf = '2024-10-15';

function form(over: Partial<FormState> = {}): FormState {
  return { ...initialForm(), ...over };
}

describe('the household built from raw answers', () => {
  it('nothing to evaluate until someone has a birth date', () => {
    expect(buildHousehold(form(), asOf).household).toBeNull();
  });

  it('valid answers go in as values, with member ids mapped to indexes', () => {
    const built = buildHousehold(
      form({
        raw: { residence: 'seoul' },
        members: [
          { id: 'm1', role: 'adult', raw: { birthDate: '1993.5.2', pregnant: 'true', dueDate: '2025-02-15' } },
          { id: 'm2', role: 'child', raw: { birthDate: '20220601' } },
        ],
      }),
      asOf,
    );
    expect(built.errors).toEqual({});
    expect(built.idAt).toEqual(['m1', 'm2']);
    expect(built.household).toEqual({
      residence: 'seoul',
      members: [
        { role: 'adult', birthDate: '1993-05-02', pregnant: true, dueDate: '2025-02-15' },
        { role: 'child', birthDate: '2022-06-01' },
      ],
    });
  });

  it('a birth date after today is an error on that field only; the member waits and the size still counts them', () => {
    const f = form({
      raw: { residence: 'seoul', monthlyIncome: '-5' },
      incomeMode: 'amount',
      members: [
        { id: 'm1', role: 'adult', raw: { birthDate: '1990-01-01' } },
        { id: 'm2', role: 'child', raw: { birthDate: '2025-01-01' } },
      ],
    });
    const built = buildHousehold(f, asOf);
    expect(built.errors).toEqual({
      'm2.birthDate': expect.objectContaining({ code: 'date.future', params: { asOf } }),
      monthlyIncome: { code: 'number.negative' },
    });
    expect(built.household).toEqual({ residence: 'seoul', householdSize: 2, members: [{ role: 'adult', birthDate: '1990-01-01' }] });
    expect(f.members[1].raw.birthDate).toBe('2025-01-01');
    expect(f.raw.monthlyIncome).toBe('-5');
  });

  it('a due date already past is refused with the date; the pregnancy itself stays', () => {
    const built = buildHousehold(
      form({ members: [{ id: 'm1', role: 'adult', raw: { birthDate: '1990-01-01', pregnant: 'true', dueDate: '2024-10-01' } }] }),
      asOf,
    );
    expect(built.errors).toEqual({ 'm1.dueDate': expect.objectContaining({ code: 'dueDate.past', params: { asOf } }) });
    expect(built.household?.members[0]).toEqual({ role: 'adult', birthDate: '1990-01-01', pregnant: true });
  });

  it('an impossible date is reported and left out', () => {
    const built = buildHousehold(form({ members: [{ id: 'm1', role: 'adult', raw: { birthDate: '1990-02-30' } }] }), asOf);
    expect(built.errors['m1.birthDate']).toEqual({ code: 'date.invalid', params: { date: '1990-02-30' } });
    expect(built.household).toBeNull();
  });

  it('a due date is ignored once the pregnancy is answered "no"', () => {
    const built = buildHousehold(
      form({ members: [{ id: 'm1', role: 'adult', raw: { birthDate: '1990-01-01', pregnant: 'false', dueDate: 'garbage' } }] }),
      asOf,
    );
    expect(built.errors).toEqual({});
    expect(built.household?.members[0]).toEqual({ role: 'adult', birthDate: '1990-01-01', pregnant: false });
  });

  it('income goes in as the chosen kind only; "I don\'t know" leaves it unknown', () => {
    const raw = { monthlyIncome: '420만', medianIncomePercent: '120' };
    const members = [{ id: 'm1', role: 'adult' as const, raw: { birthDate: '1990-01-01' } }];
    expect(buildHousehold(form({ raw, members, incomeMode: 'amount' }), asOf).household).toMatchObject({ monthlyIncome: 4200000 });
    expect(buildHousehold(form({ raw, members, incomeMode: 'percent' }), asOf).household).toMatchObject({ medianIncomePercent: 120 });
    const unknown = buildHousehold(form({ raw, members, incomeMode: 'unknown' }), asOf).household!;
    expect('monthlyIncome' in unknown || 'medianIncomePercent' in unknown).toBe(false);
  });
});

describe("the engine's refusals", () => {
  it('carry their figures to the answer they block, so every language can say them', () => {
    const built = buildHousehold(
      form({
        raw: { householdSize: '1' },
        members: [
          { id: 'm1', role: 'adult', raw: { birthDate: '1990-01-01' } },
          { id: 'm2', role: 'child', raw: { birthDate: '2030-01-01' } },
          { id: 'm3', role: 'child', raw: { birthDate: '2020-01-01', pregnant: 'true' } },
        ],
      }),
      asOf,
    );
    expect(built.errors.householdSize).toMatchObject({ code: 'householdSize.tooSmall', params: { count: 3 } });
    expect(built.errors['m2.birthDate']).toMatchObject({ code: 'date.future', params: { asOf } });
    expect(built.errors['m3.pregnant']).toMatchObject({ code: 'pregnant.tooYoung', params: { age: 10 } });
  });

  it('a birth date outside 1900–2100 is refused with the years, and so is a form of more than 30 members', () => {
    const old = buildHousehold(form({ members: [{ id: 'm1', role: 'adult', raw: { birthDate: '0000-01-01' } }] }), asOf);
    expect(old.errors['m1.birthDate']).toEqual({ code: 'date.range', params: { fromYear: 1900, toYear: 2100 } });
    const members = Array.from({ length: 31 }, (_, i) => ({ id: `m${i + 1}`, role: 'adult' as const, raw: { birthDate: '1990-01-01' } }));
    const many = buildHousehold(form({ members }), asOf);
    expect(many.household).toBeNull();
    expect(many.errors).toEqual({ members: expect.objectContaining({ code: 'members.tooMany', params: { max: 30 } }) });
  });
});

describe('stored form state', () => {
  it('a fresh form is pristine, an answered one is not', () => {
    expect(isPristine(initialForm())).toBe(true);
    expect(isPristine(form({ raw: { residence: 'seoul' } }))).toBe(false);
  });

  it('round-trips through JSON', () => {
    const f = form({ raw: { residence: 'other' }, visited: [{ step: 'h:singleParent', members: [] }], cursor: 1 });
    expect(restoreForm(JSON.parse(JSON.stringify(f)))).toEqual(f);
  });

  it('anything else is refused whole, never cleaned into something the app did not write', () => {
    expect(restoreForm(null)).toBeNull();
    expect(restoreForm({ v: 2, members: [] })).toBeNull();
    expect(restoreForm('{"v":1}')).toBeNull();
    const member = { id: 'm1', role: 'adult', raw: { birthDate: '1990-01-01' } };
    const base = { v: 1, raw: { residence: 'seoul' }, incomeMode: '', members: [member], visited: [], cursor: 0, nextId: 2 };
    expect(restoreForm(base)).toEqual(base);
    for (const broken of [
      { raw: { residence: 'seoul', evil: 42 } },
      { incomeMode: 'hack' },
      { members: [member, { id: 'x', role: 'admin' }] },
      { visited: [{ step: 'm:sex', members: ['m1', 'ghost'] }] },
      { visited: ['junk'] },
      { cursor: 99 },
      { nextId: 'a' },
    ]) {
      expect(restoreForm({ ...base, ...broken }), JSON.stringify(broken)).toBeNull();
    }
  });
});
