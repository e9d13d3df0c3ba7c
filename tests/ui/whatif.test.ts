/**
 * The what-if panel on the resident's results: each change shows today's money beside the changed
 * household's with the difference, the benefits gained or lost; a bad income names the problem and
 * shows no figures; the answers themselves never change.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import Results from '../../src/lib/results/Results.svelte';
import { startI18n, testRuleSet } from './helpers';

const asOf = '2024-10-15';

beforeAll(() => startI18n('ko'));

function household(residence: string) {
  const checker = new Checker({ ...testRuleSet, asOf });
  checker.setAnswer('residence', residence);
  checker.setAnswer('singleParent', 'true');
  checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
  checker.setMemberAnswer('m1', 'pregnant', 'false');
  render(Results, { props: { checker, ondecide: () => {}, resident: true } });
  return checker;
}

const panel = () => screen.getByRole('region', { name: '이렇게 되면 얼마나 달라질까요?' });
const rows = () =>
  within(panel())
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((c) => c.textContent!.trim()));

describe('what if', () => {
  it('moving to Seoul: every benefit gained, with the money side by side and the difference', async () => {
    const checker = household('other');
    const before = JSON.stringify(checker.form);
    await fireEvent.click(within(panel()).getByRole('radio', { name: '서울로 이사하면' }));
    await tick();
    expect(rows()).toEqual([
      ['한 번에 받는 지원', '0원', '700,000원', '+700,000원'],
      ['매달 받는 지원', '0원', '210,000원', '+210,000원'],
    ]);
    // The table is named by the change, not by its placeholder.
    expect(within(panel()).getByRole('table', { name: '지금과 ‘서울로 이사하면’의 지원 비교' })).toBeInTheDocument();
    expect(within(panel()).getByText('새로 받을 수 있는 혜택').nextElementSibling!.textContent).toContain(testRuleSet.rules[0].names.ko);
    expect(JSON.stringify(checker.form)).toBe(before);
  });

  it('a move is not offered in Seoul; an income change shows what it gains, and a bad income its reason', async () => {
    household('seoul');
    expect(within(panel()).queryByRole('radio', { name: '서울로 이사하면' })).toBeNull();
    await fireEvent.click(within(panel()).getByRole('radio', { name: '소득이 바뀌면' }));
    const input = within(panel()).getByRole('textbox', { name: '바뀐 가구의 월 소득인정액 (원)' });
    await fireEvent.input(input, { target: { value: '사백만' } });
    await tick();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('숫자로 적어 주세요 (예: 3,500,000 또는 350만).');
    expect(within(panel()).queryByRole('table')).toBeNull();
    await fireEvent.input(input, { target: { value: '-5' } });
    await tick();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await fireEvent.input(input, { target: { value: '100만' } });
    await tick();
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(within(panel()).getByText('새로 받을 수 있는 혜택').nextElementSibling!.textContent).toContain(testRuleSet.rules[2].names.ko);
    expect(rows()).toContainEqual(['매달 받는 지원', '210,000원', '510,000원', '+300,000원']);
  });
});
