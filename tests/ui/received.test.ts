/**
 * "이미 받고 있어요": a benefit the household already receives moves to its own group and out of
 * the totals of new money, is saved with the answers (only benefits that exist), is wiped with
 * them, and keeps the keyboard focus when its card moves.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/lib/engine';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { groupResults } from '../../src/lib/results/group';
import Results from '../../src/lib/results/Results.svelte';
import { localAnswerStore, STORAGE_KEY } from '../../src/lib/storage';
import { MemoryStorage, startI18n, testParameters, testRules, testRuleSet } from './helpers';

const asOf = '2024-10-15';
const adult = { role: 'adult' as const, birthDate: '1990-01-01' };

beforeAll(() => startI18n('ko'));

function singleParent(checker: Checker) {
  checker.setAnswer('residence', 'seoul');
  checker.setAnswer('singleParent', 'true');
  checker.setMemberAnswer('m1', 'birthDate', adult.birthDate);
  checker.setMemberAnswer('m1', 'pregnant', 'false');
}

describe('benefits already received', () => {
  it('are grouped apart and left out of the totals; an ineligible one stays where it is', () => {
    const evaluation = evaluate({ residence: 'seoul', singleParent: true, members: [adult] }, { ...testRuleSet, asOf });
    const grouped = groupResults(evaluation, testRules, [], [], undefined, new Set(['seoul-grant', 'missing-rule']));
    expect(grouped.groups.eligible.map((v) => v.rule.id)).toEqual(['single-allowance']);
    expect(grouped.received.map((v) => v.rule.id)).toEqual(['seoul-grant']);
    expect(grouped.totals).toEqual({ once: 0, month: 210000, limited: [], upTo: 0, upToMonth: 0, year: 0, partial: false });

    const elsewhere = evaluate({ residence: 'other', members: [adult] }, { rules: testRules, parameters: testParameters, asOf });
    const outside = groupResults(elsewhere, testRules, [], [], undefined, new Set(['seoul-grant']));
    expect(outside.received).toEqual([]);
    expect(outside.groups.ineligible.map((v) => v.rule.id)).toContain('seoul-grant');
  });

  it('are saved with the answers, restored (known benefits only) and wiped with them', () => {
    const storage = new MemoryStorage();
    const checker = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
    checker.setReceived('seoul-grant', true);
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).received).toEqual(['seoul-grant']);
    checker.setReceived('seoul-grant', true);
    checker.setReceived('care-allowance', true);
    checker.setReceived('care-allowance', false);
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!);
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, received: [...saved.received, 'gone-rule'] }));
    const again = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
    expect(again.received).toEqual(['seoul-grant']);
    // Anything the app could not have written refuses the saved state, as any tampered answer does.
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...saved, received: ['seoul-grant', 42] }));
    const tampered = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
    expect([tampered.received, tampered.notice]).toEqual([[], 'restoreFailed']);
    storage.setItem(STORAGE_KEY, JSON.stringify(saved));
    again.reset();
    expect(again.received).toEqual([]);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('move with their checkbox, which keeps the focus, and change the totals on the page', async () => {
    const checker = new Checker({ ...testRuleSet, asOf });
    singleParent(checker);
    render(Results, { props: { checker, ondecide: () => {}, resident: true } });
    const totals = () => screen.getByRole('region', { name: '지금 받을 수 있는 지원' }).textContent!.replace(/\s+/g, ' ');
    const before = totals();
    expect(before).toContain('700,000');

    const card = screen.getByRole('article', { name: testRules[0].names.ko });
    await fireEvent.click(within(card).getByRole('checkbox', { name: /^이미 받고 있어요/ }));
    await tick();
    const group = screen.getByRole('region', { name: /^이미 받고 있는 혜택/ });
    const moved = within(group).getByRole('article', { name: testRules[0].names.ko });
    // Its name says which benefit, as many cards carry the same checkbox.
    // Its name says which benefit, as many cards carry the same checkbox.
    const box = within(moved).getByRole('checkbox', { name: `이미 받고 있어요 (${testRules[0].names.ko})` });
    expect(box).toBeChecked();
    expect(document.activeElement).toBe(box);
    expect(totals()).not.toContain('700,000');
    expect(screen.getByText('이미 받고 있는 혜택 1개는 합계에서 뺐어요.')).toBeInTheDocument();
    expect(within(group).queryByRole('button', { name: /캘린더에 추가/ })).toBeNull();

    await fireEvent.click(box);
    await tick();
    expect(screen.queryByRole('region', { name: /^이미 받고 있는 혜택/ })).toBeNull();
    const back = within(screen.getByRole('region', { name: /^받을 수 있어요/ })).getByRole('article', { name: testRules[0].names.ko });
    expect(document.activeElement).toBe(within(back).getByRole('checkbox', { name: /^이미 받고 있어요/ }));
    expect(totals()).toBe(before);
  });
});
