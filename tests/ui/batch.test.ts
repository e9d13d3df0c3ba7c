import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluate } from '../../src/lib/engine';
import { addStaffMessages } from '../../src/lib/staff';
import BatchDetail from '../../src/lib/staff/BatchDetail.svelte';
import BatchProgress from '../../src/lib/staff/BatchProgress.svelte';
import { startI18n, testRules, testRuleSet } from './helpers';

beforeAll(() => {
  startI18n('ko');
  addStaffMessages();
});

describe('batch screening progress', () => {
  it('is a progressbar named by what is being done, with its value and a count beside it', () => {
    render(BatchProgress, { props: { label: 'households.csv 확인 중…', done: 2500, of: 10000 } });
    const bar = screen.getByRole('progressbar', { name: 'households.csv 확인 중…' });
    expect(bar).toHaveAttribute('value', '2500');
    expect(bar).toHaveAttribute('max', '10000');
    expect(bar).toHaveAccessibleDescription('2,500 / 10,000가구');
  });

  it('never overflows while the total is still an estimate', () => {
    render(BatchProgress, { props: { label: '확인 중', done: 12, of: 10 } });
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '10');
  });
});

describe("a batch household's detail", () => {
  it("shows the household's results as the resident's cards, with the totals, and closes", async () => {
    const evaluation = evaluate(
      { residence: 'seoul', members: [{ role: 'adult', birthDate: '1990-01-01' }] },
      { ...testRuleSet, asOf: '2024-10-15' },
    );
    const onclose = vi.fn();
    render(BatchDetail, { props: { detail: { row: 7, id: 'H6', memberGroups: ['성인1'], evaluation }, rules: testRules, onclose } });
    const detail = screen.getByRole('region', { name: 'H6 가구 (7행) 자세히' });
    expect(detail).toContainElement(screen.getByRole('article', { name: '혜택 seoul-grant' }));
    expect(screen.getByRole('region', { name: '지금 받을 수 있는 지원' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '자세히 닫기' }));
    expect(onclose).toHaveBeenCalledOnce();
  });
});
