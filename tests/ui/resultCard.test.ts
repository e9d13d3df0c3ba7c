import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { evaluate, type Rule } from '../../src/lib/engine';
import { groupResults } from '../../src/lib/results/group';
import ResultCard from '../../src/lib/results/ResultCard.svelte';
import { startI18n, testRules, testParameters } from './helpers';
import { text } from '../text';

const asOf = '2024-10-15';
const adult = { role: 'adult' as const, birthDate: '1990-01-01' };

beforeAll(() => startI18n('ko'));

function viewOf(id: string, household: Parameters<typeof evaluate>[0], rules: Rule[] = testRules) {
  const grouped = groupResults(
    evaluate(household, { rules, parameters: testParameters, asOf }),
    rules,
    [{ step: 'income', decides: 1, members: [] }],
    ['m1'],
  );
  return [...Object.values(grouped.groups).flat(), ...grouped.services].find((v) => v.rule.id === id)!;
}

describe('a result card', () => {
  it('eligible: amount, deadline with days left, how to apply, documents, department, source and date checked', () => {
    render(ResultCard, { props: { view: viewOf('seoul-grant', { residence: 'seoul', members: [adult] }) } });
    const card = screen.getByRole('article', { name: '혜택 seoul-grant' });
    expect(card).toHaveTextContent('한 번 700,000원');
    expect(card).toHaveTextContent('신청 기한: 2024년 12월 31일 (77일 남음)');
    expect(screen.getByRole('link', { name: '몽땅정보 만능키' })).toHaveAttribute('href', 'https://umppa.seoul.go.kr');
    expect(screen.getByRole('link', { name: '02-120' })).toHaveAttribute('href', 'tel:02120');
    expect(card).toHaveTextContent('동주민센터 방문');
    expect(card).toHaveTextContent('준비 서류 신분증');
    expect(card).toHaveTextContent('저출생담당관');
    expect(card).toHaveTextContent('Ⅳ-2 ❷');
    expect(card).toHaveTextContent('2024년 9월 30일에 금액·기준 확인');
    expect(card).toHaveTextContent('서울시에 주민등록 (충족)');
  });

  it('unknown: the one question that decides it, as a button that opens it', async () => {
    const ondecide = vi.fn();
    render(ResultCard, {
      props: { view: viewOf('care-allowance', { residence: 'seoul', members: [adult] }), question: '가구 소득', ondecide },
    });
    expect(screen.getByText(/월 소득인정액 3,342,667원 이하이면 받을 수 있어요/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '가구 소득' }));
    expect(ondecide).toHaveBeenCalledWith('income');
  });

  it('ineligible: the condition not met', () => {
    render(ResultCard, { props: { view: viewOf('single-allowance', { residence: 'seoul', singleParent: false, members: [adult] }) } });
    expect(screen.getByRole('article')).toHaveTextContent('맞지 않는 조건: 한부모가족');
    expect(screen.queryByText(/210,000원/)).toBeNull();
  });

  it('error: "could not be checked" for that benefit only', () => {
    const broken: Rule = { ...testRules[0], id: 'broken', criteria: [{ id: 'x', label: text('x', 'x'), logic: { nope: [1] } }] };
    render(ResultCard, { props: { view: viewOf('broken', { residence: 'seoul', members: [adult] }, [broken]) } });
    expect(screen.getByRole('article')).toHaveTextContent('이 혜택은 확인하지 못했어요');
  });

  it('in Vietnamese, the rule texts and amounts in Vietnamese', () => {
    startI18n('vi');
    render(ResultCard, { props: { view: viewOf('seoul-grant', { residence: 'seoul', members: [adult] }) } });
    expect(screen.getByRole('article', { name: 'Benefit seoul-grant' })).toHaveTextContent('700.000 won một lần');
    startI18n('ko');
  });

  describe('for several members', () => {
    const atHome: Rule = {
      ...testRules[0],
      id: 'at-home',
      names: text('집에서 키우는 아이 수당'),
      scope: { members: 'child' },
      criteria: [
        { id: 'age', label: text('24개월 이상'), logic: { '>=': [{ var: 'member.ageMonths' }, 24] } },
        { id: 'home', label: text('어린이집에 다니지 않음'), logic: { '===': [{ var: 'member.attendsDaycare' }, false] } },
      ],
      upcoming: {
        when: { '<': [{ var: 'member.ageMonths' }, 24] },
        date: { addMonths: [{ var: 'member.birthDate' }, 24] },
        waived: ['age'],
        label: text('24개월이 되면'),
      },
      amount: { value: 100000, per: 'month', basis: 'member', kind: 'grant' },
      applyBy: undefined,
    };
    const labels = (c: { index: number }) => ['어른 1', '아이 1', '아이 2', '아이 3'][c.index];
    const family = {
      residence: 'seoul' as const,
      members: [
        adult,
        { role: 'child' as const, birthDate: '2024-09-24', attendsDaycare: false },
        { role: 'child' as const, birthDate: '2024-09-24', attendsDaycare: false },
        { role: 'child' as const, birthDate: '2020-06-01' },
      ],
    };

    it("shows each member's own outcome and why, and the question that decides the one still open", async () => {
      const evaluation = evaluate(family, { rules: [atHome], parameters: testParameters, asOf });
      const idAt = ['m1', 'm2', 'm3', 'm4'];
      const view = groupResults(evaluation, [atHome], [{ step: 'm:attendsDaycare', decides: 1, members: ['m4'] }], idAt, labels).groups
        .upcoming[0];
      const ondecide = vi.fn();
      render(ResultCard, {
        props: { view, questionFor: (step: string | null) => (step === 'm:attendsDaycare' ? '어린이집·유치원' : null), ondecide },
      });
      const items = screen.getAllByRole('listitem').filter((li) => li.closest('.members'));
      expect(items.map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
        '아이 1 곧 받을 수 있어요 매달 100,000원 2026년 9월 24일부터: 24개월이 되면',
        '아이 2 곧 받을 수 있어요 매달 100,000원 2026년 9월 24일부터: 24개월이 되면',
        '아이 3 확인이 필요해요 확인할 조건: 어린이집에 다니지 않음 어린이집·유치원',
      ]);
      await userEvent.setup().click(screen.getByRole('button', { name: '어린이집·유치원' }));
      expect(ondecide).toHaveBeenCalledWith('m:attendsDaycare');
    });
  });
});
