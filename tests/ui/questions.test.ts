import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { householdField, memberField } from '../../src/lib/questionnaire/fields';
import Field from '../../src/lib/questionnaire/Field.svelte';
import IncomeStep from '../../src/lib/questionnaire/IncomeStep.svelte';
import { startI18n, testRuleSet } from './helpers';

const asOf = '2024-10-15';

beforeAll(() => startI18n('ko'));

function setup(key: string, field = key.includes('.') ? memberField(key.split('.')[1])! : householdField(key)!, label = '질문') {
  const checker = new Checker({ ...testRuleSet, asOf });
  checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
  render(Field, { props: { checker, key, field, label } });
  return { checker, user: userEvent.setup() };
}

const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('question types follow the field type', () => {
  it('yes/no: a fieldset whose legend is the question, with yes, no and "I don\'t know"', async () => {
    const { checker, user } = setup('singleParent', householdField('singleParent')!, '한부모가족인가요?');
    const group = screen.getByRole('group', { name: '한부모가족인가요?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['true', 'false', 'unknown']);
    expect(describedText(group)).toContain('엄마나 아빠 혼자');
    await user.click(screen.getByRole('radio', { name: '예' }));
    expect(checker.form.raw.singleParent).toBe('true');
    expect(screen.getByRole('radio', { name: '예' })).toBeChecked();
    await user.click(screen.getByRole('radio', { name: '잘 모르겠어요' }));
    expect(checker.built.household).not.toHaveProperty('singleParent');
  });

  it('choice: one radio per enum value, labelled in Korean', async () => {
    const { checker, user } = setup('childcareServiceIncomeType');
    const group = screen.getByRole('group', { name: '질문' });
    expect(within(group).getAllByRole('radio')).toHaveLength(6);
    await user.click(screen.getByRole('radio', { name: '나형 (120% 이하)' }));
    expect(checker.built.household?.childcareServiceIncomeType).toBe('na');
  });

  it('number: typed as people write it, echoed in won', async () => {
    const { checker, user } = setup('monthlyIncome', householdField('monthlyIncome')!, '가구의 월 소득인정액');
    checker.setIncomeMode('amount');
    const input = screen.getByRole('textbox', { name: '가구의 월 소득인정액' });
    expect(input).toHaveAttribute('inputmode', 'decimal');
    await user.type(input, '420만');
    expect(screen.getByText('4,200,000원으로 계산해요')).toBeInTheDocument();
    expect(checker.built.household?.monthlyIncome).toBe(4200000);
  });

  it('date: a text field with a format hint', () => {
    setup('m1.dueDate', memberField('dueDate')!, '출산 예정일');
    const input = screen.getByRole('textbox', { name: '출산 예정일' });
    expect(describedText(input)).toContain('예: 2024-03-15');
  });
});

describe('validation as typed, next to the field', () => {
  it('a negative income: message names the problem, field marked invalid, text kept', async () => {
    const { checker, user } = setup('monthlyIncome', householdField('monthlyIncome')!, '소득');
    checker.setIncomeMode('amount');
    const input = screen.getByRole('textbox', { name: '소득' });
    await user.type(input, '-5');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(input)).toContain('0보다 작은 금액은 입력할 수 없어요');
    expect(input).toHaveValue('-5');
    expect(checker.form.raw.monthlyIncome).toBe('-5');
    expect(checker.built.household).not.toHaveProperty('monthlyIncome');
  });

  it('an income of "400" asks whether 400만원 was meant before it is used, and either answer settles it', async () => {
    const { checker, user } = setup('monthlyIncome', householdField('monthlyIncome')!, '소득');
    checker.setIncomeMode('amount');
    const input = screen.getByRole('textbox', { name: '소득' });
    await user.type(input, '400');
    await user.tab();
    expect(describedText(input)).toContain('400원이 맞나요? 한 달 소득을 만원 단위로 적으셨다면 4,000,000원이에요.');
    expect(checker.built.household).not.toHaveProperty('monthlyIncome');
    await user.click(screen.getByRole('button', { name: '4,000,000원이에요' }));
    expect(checker.form.raw.monthlyIncome).toBe('400만');
    expect(checker.built.household?.monthlyIncome).toBe(4_000_000);
    expect(screen.queryByRole('button', { name: '400원이 맞아요' })).toBeNull();
    checker.setAnswer('monthlyIncome', '400');
    await user.click(await screen.findByRole('button', { name: '400원이 맞아요' }));
    expect(checker.built.household?.monthlyIncome).toBe(400);
  });

  it('non-numeric income', async () => {
    const { checker, user } = setup('monthlyIncome', householdField('monthlyIncome')!, '소득');
    checker.setIncomeMode('amount');
    await user.type(screen.getByRole('textbox', { name: '소득' }), 'abc');
    expect(screen.getByText(/숫자로 입력해 주세요/)).toBeInTheDocument();
  });

  it('a birth date in the future, once complete', async () => {
    const checker = new Checker({ ...testRuleSet, asOf });
    checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
    const child = checker.addMember('child');
    render(Field, { props: { checker, key: `${child}.birthDate`, field: memberField('birthDate')!, label: '생년월일' } });
    const user = userEvent.setup();
    const input = screen.getByRole('textbox', { name: '생년월일' });
    await user.type(input, '2030-01');
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.type(input, '-01');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(input)).toContain('오늘(2024년 10월 15일)보다 뒤의 날짜는 입력할 수 없어요');
  });

  it('an impossible date, shown when the field is left', async () => {
    const { user } = setup('m1.birthDate', memberField('birthDate')!, '생년월일');
    const input = screen.getByRole('textbox', { name: '생년월일' });
    await user.clear(input);
    await user.type(input, '1990-02-30');
    await user.tab();
    expect(describedText(input)).toContain('1990-02-30은(는) 달력에 없는 날짜예요');
  });

  it('a due date in the past', async () => {
    const checker = new Checker({ ...testRuleSet, asOf });
    checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
    checker.setMemberAnswer('m1', 'pregnant', 'true');
    checker.setMemberAnswer('m1', 'dueDate', '2024-09-01');
    render(Field, { props: { checker, key: 'm1.dueDate', field: memberField('dueDate')!, label: '출산 예정일' } });
    const input = screen.getByRole('textbox', { name: '출산 예정일' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(describedText(input)).toContain('출산 예정일이 이미 지났어요');
  });
});

describe('a problem code without a translation yet', () => {
  // The engine has no wording of its own (its codes are worded by the catalogues only).
  it('falls back to the general problem heading rather than a wrong message or a raw key', async () => {
    const { errorText } = await import('../../src/lib/questionnaire/labels');
    const { get } = await import('svelte/store');
    const { _ } = await import('svelte-i18n');
    expect(errorText({ code: 'brand.new' }, get(_), 'ko')).toBe(get(_)('flow.errorTitle'));
    expect(errorText({ code: 'number.negative' }, get(_), 'ko')).toBe('0보다 작은 금액은 입력할 수 없어요');
  });
});

describe('the income question', () => {
  it('offers an amount, a % of the median, or "I don\'t know", with help on 소득인정액', async () => {
    const checker = new Checker({ ...testRuleSet, asOf });
    render(IncomeStep, { props: { checker } });
    const user = userEvent.setup();
    expect(screen.getByText('소득인정액이란?')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '기준 중위소득 %로 입력' }));
    await user.type(screen.getByRole('textbox', { name: '기준 중위소득 대비 비율 (%)' }), '120');
    expect(checker.form.raw.medianIncomePercent).toBe('120');
    await user.click(screen.getByRole('radio', { name: '잘 모르겠어요' }));
    expect(screen.getByRole('status')).toHaveTextContent('소득 기준을 금액으로');
    expect(checker.form.incomeMode).toBe('unknown');
  });
});
