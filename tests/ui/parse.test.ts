import { describe, expect, it } from 'vitest';
import { householdField, memberField } from '../../src/lib/questionnaire/fields';
import { normalizeDate, normalizeNumber, parseAnswer } from '../../src/lib/questionnaire/parse';

const date = memberField('birthDate')!.spec;
const income = householdField('monthlyIncome')!.spec;
const order = memberField('birthOrder')!.spec;

describe('dates as people type them', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024. 3. 5.', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024년 3월 5일', '2024-03-05'],
  ])('%s is %s', (raw, iso) => {
    expect(normalizeDate(raw)).toBe(iso);
    expect(parseAnswer(date, raw)).toEqual({ ok: true, value: iso });
  });

  it('an impossible date names the date', () => {
    expect(parseAnswer(date, '2023-02-29')).toEqual({ ok: false, error: { code: 'date.invalid', params: { date: '2023-02-29' } } });
    expect(parseAnswer(date, '2024-13-01')).toMatchObject({ ok: false, error: { code: 'date.invalid' } });
  });

  it('text that is not a date asks for the format', () => {
    expect(parseAnswer(date, 'yesterday')).toEqual({ ok: false, error: { code: 'date.format' } });
    expect(parseAnswer(date, '2024-03')).toEqual({ ok: false, error: { code: 'date.format' } });
  });

  it('empty text is unknown, not an error', () => {
    expect(parseAnswer(date, '  ')).toEqual({ ok: true, value: undefined });
  });
});

describe('amounts as people type them', () => {
  it.each([
    ['4200000', 4200000],
    ['4,200,000', 4200000],
    ['4,200,000원', 4200000],
    ['420만', 4200000],
    ['420만원', 4200000],
    ['0', 0],
  ])('%s is %d', (raw, n) => {
    expect(normalizeNumber(raw)).toBe(n);
    expect(parseAnswer(income, raw)).toEqual({ ok: true, value: n });
  });

  it('a bare small income is not guessed at: "400" asks whether 400만원 was meant; with a unit it is taken as written', () => {
    expect(parseAnswer(income, '400')).toEqual({ ok: false, error: { code: 'number.unit', params: { amount: 400, manwon: 4_000_000 } } });
    expect(parseAnswer(income, '99,999')).toMatchObject({ ok: false, error: { code: 'number.unit' } });
    expect(parseAnswer(income, '100000')).toEqual({ ok: true, value: 100_000 });
    expect(parseAnswer(income, '400원')).toEqual({ ok: true, value: 400 });
    expect(parseAnswer(income, '400만')).toEqual({ ok: true, value: 4_000_000 });
    // Other numbers are not incomes: no unit question.
    expect(parseAnswer(order, '4')).toEqual({ ok: true, value: 4 });
  });

  it('a negative amount is refused as negative', () => {
    expect(parseAnswer(income, '-100')).toEqual({ ok: false, error: { code: 'number.negative' } });
  });

  it('text that is not a number is refused', () => {
    expect(parseAnswer(income, 'about 4m')).toEqual({ ok: false, error: { code: 'type.number' } });
    expect(parseAnswer(income, '12e3')).toEqual({ ok: false, error: { code: 'type.number' } });
  });

  it('whole numbers and ranges follow the field spec', () => {
    expect(parseAnswer(order, '1.5')).toEqual({ ok: false, error: { code: 'type.integer' } });
    expect(parseAnswer(order, '0')).toEqual({ ok: false, error: { code: 'number.range', params: { min: 1, max: 20 } } });
    expect(parseAnswer(order, '2')).toEqual({ ok: true, value: 2 });
  });
});

describe('yes/no and choices', () => {
  it('"I don\'t know" is unknown', () => {
    expect(parseAnswer(memberField('pregnant')!.spec, 'unknown')).toEqual({ ok: true, value: undefined });
    expect(parseAnswer(memberField('pregnant')!.spec, 'true')).toEqual({ ok: true, value: true });
    expect(parseAnswer(householdField('residence')!.spec, 'seoul')).toEqual({ ok: true, value: 'seoul' });
    expect(parseAnswer(householdField('residence')!.spec, 'busan')).toMatchObject({ ok: false });
  });
});
