/**
 * A household registered outside Seoul: its results say where to look for its own 시·도 and
 * 시·군·구 benefits (복지로, 정부24, the chosen 시·도's portal); a Seoul household is not told.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import Results from '../../src/lib/results/Results.svelte';
import { startI18n, testRuleSet } from './helpers';

beforeAll(() => startI18n('ko'));

function results(residence: string) {
  const checker = new Checker({ ...testRuleSet, asOf: '2024-10-15' });
  checker.setAnswer('residence', residence);
  checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
  render(Results, { props: { checker, ondecide: () => {} } });
}

describe('outside Seoul', () => {
  it('points to the national portals and the chosen 시·도’s own', async () => {
    results('other');
    const region = screen.getByRole('region', { name: '서울이 아닌 곳에 살고 있다면' });
    expect(within(region).getByRole('link', { name: '복지로' })).toHaveAttribute('href', 'https://www.bokjiro.go.kr');
    expect(within(region).getByRole('link', { name: /정부24/ })).toHaveAttribute('href', 'https://www.gov.kr');
    const select = within(region).getByRole('combobox', { name: '사는 시·도' });
    expect(within(select).queryByRole('option', { name: '서울특별시' })).toBeNull();
    await fireEvent.change(select, { target: { value: 'gyeonggi' } });
    await tick();
    expect(within(region).getByRole('link', { name: '경기도 누리집에서 출산·육아 지원 찾기' })).toHaveAttribute(
      'href',
      'https://www.gg.go.kr',
    );
  });

  it('is not shown to a Seoul household', () => {
    results('seoul');
    expect(screen.queryByRole('region', { name: '서울이 아닌 곳에 살고 있다면' })).toBeNull();
  });
});
