import { describe, expect, it } from 'vitest';
import type { Rule } from '../../src/lib/engine';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { localAnswerStore, noStore, STORAGE_KEY } from '../../src/lib/storage';
import { MemoryStorage, testRules, testRuleSet, testParameters } from './helpers';

const asOf = '2024-10-15';

function start(storage = new MemoryStorage()) {
  return { storage, checker: new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) }) };
}

function household(checker: Checker) {
  checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
  checker.setMemberAnswer('m1', 'pregnant', 'false');
}

describe('the question flow', () => {
  it('starts with the household and asks residence first: it decides every benefit', () => {
    const { checker } = start();
    expect(checker.step).toBe('household');
    household(checker);
    expect(checker.ranking[0]).toMatchObject({ step: 'h:residence', decides: 3 });
    expect(checker.next()).toBe(true);
    expect(checker.step).toBe('h:residence');
  });

  it('then only questions that still decide something, most decisive first, then the summary', () => {
    const { checker } = start();
    household(checker);
    checker.setAnswer('residence', 'seoul');
    expect(checker.ranking.map((r) => r.step)).toEqual(['income', 'h:singleParent']);
    checker.next();
    expect(checker.step).toBe('income');
    checker.setIncomeMode('unknown');
    checker.next();
    expect(checker.step).toBe('h:singleParent');
    checker.setAnswer('singleParent', 'false');
    checker.next();
    expect(checker.step).toBe('summary');
  });

  it('never asks a question that decides nothing: outside Seoul every benefit is settled', () => {
    const { checker } = start();
    household(checker);
    checker.setAnswer('residence', 'other');
    expect(checker.ranking).toEqual([]);
    checker.next();
    expect(checker.step).toBe('summary');
    expect(checker.form.visited).toEqual([]);
  });

  it('refuses to move on while a birth date is missing or wrong, and says where', () => {
    const { checker } = start();
    expect(checker.next()).toBe(false);
    expect(checker.showErrors).toBe(true);
    expect(checker.problemFor('m1.birthDate')).toEqual({ code: 'required' });
    checker.setMemberAnswer('m1', 'birthDate', '2030-01-01');
    expect(checker.next()).toBe(false);
    expect(checker.problemFor('m1.birthDate')).toMatchObject({ code: 'date.future' });
  });

  it('back and edit: going back keeps the path, and a question can be opened from anywhere', () => {
    const { checker } = start();
    household(checker);
    checker.next();
    checker.setAnswer('residence', 'seoul');
    checker.next();
    expect(checker.step).toBe('income');
    checker.back();
    checker.back();
    expect(checker.step).toBe('household');
    checker.next();
    expect(checker.step).toBe('h:residence');
    checker.goTo('h:singleParent');
    expect(checker.step).toBe('h:singleParent');
    checker.goTo('summary');
    expect(checker.step).toBe('summary');
    const before = checker.focusToken;
    checker.goTo('household');
    expect(checker.focusToken).toBe(before + 1);
  });

  it('progress counts the steps seen and the questions still to come', () => {
    const { checker } = start();
    household(checker);
    expect(checker.remaining).toBe(3);
    expect(checker.progress).toEqual({ current: 1, total: 5 });
    checker.next();
    checker.setAnswer('residence', 'seoul');
    expect(checker.remaining).toBe(2);
    expect(checker.progress).toEqual({ current: 2, total: 5 });
  });

  it('asks what decides an amount too, for every member at once, and for a member added later', () => {
    const perChild: Rule = {
      ...testRules[0],
      id: 'per-child',
      criteria: [],
      scope: { members: 'child' },
      applyBy: undefined,
      amount: { value: { '*': [{ var: 'member.birthOrder' }, 1000] }, per: 'once', basis: 'member', kind: 'grant' },
    };
    const checker = new Checker({ rules: [perChild], parameters: testParameters, asOf });
    checker.setMemberAnswer('m1', 'birthDate', '1990-01-01');
    const [a, b] = [checker.addMember('child')!, checker.addMember('child')!];
    checker.setMemberAnswer(a, 'birthDate', '2024-10-01');
    checker.setMemberAnswer(b, 'birthDate', '2024-10-01');
    expect(checker.evaluation?.results[0]).toMatchObject({ status: 'eligible', amount: { value: null } });
    checker.next();
    expect(checker.step).toBe('m:birthOrder');
    expect(checker.membersFor('m:birthOrder')).toEqual([a, b]);
    checker.setMemberAnswer(a, 'birthOrder', '1');
    checker.setMemberAnswer(b, 'birthOrder', '2');
    checker.next();
    expect(checker.step).toBe('summary');
    expect(checker.evaluation?.results[0].amount?.value).toBe(3000);
    const c = checker.addMember('child')!;
    checker.setMemberAnswer(c, 'birthDate', '2024-10-02');
    checker.goTo('household');
    checker.next();
    expect(checker.step).toBe('m:birthOrder');
    expect(checker.membersFor('m:birthOrder')).toEqual([a, b, c]);
    expect(checker.remaining).toBe(0);
  });

  it('removing a member forgets them in the path too', () => {
    const { checker } = start();
    const id = checker.addMember('child')!;
    expect(checker.form.members.map((m) => m.id)).toEqual(['m1', id]);
    checker.form.visited = [{ step: 'm:birthOrder', members: ['m1', id] }];
    checker.removeMember(id);
    expect(checker.form.members.map((m) => m.id)).toEqual(['m1']);
    expect(checker.form.visited).toEqual([{ step: 'm:birthOrder', members: ['m1'] }]);
    checker.removeMember('m1');
    expect(checker.form.members).toHaveLength(1);
  });
});

describe('answers stay on this device', () => {
  it('nothing is stored before the first answer', () => {
    const { storage } = start();
    expect(storage.length).toBe(0);
  });

  it('a reload resumes the answers and the step', () => {
    const { storage, checker } = start();
    household(checker);
    checker.next();
    checker.setAnswer('residence', 'seo'); // a typo on the way, kept as typed
    checker.setAnswer('residence', 'seoul');
    checker.addMember('child');
    checker.setLocale('vi');
    const again = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
    expect(again.form).toEqual(checker.form);
    expect(again.step).toBe('h:residence');
    expect(again.locale).toBe('vi');
    expect(again.evaluation?.results.map((r) => r.status)).toEqual(checker.evaluation?.results.map((r) => r.status));
  });

  it('"delete my answers" leaves nothing in storage and starts again', () => {
    const { storage, checker } = start();
    storage.setItem('someone-else', 'kept');
    household(checker);
    checker.setAnswer('residence', 'seoul');
    expect(storage.getItem(STORAGE_KEY)).toContain('seoul');
    checker.reset();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(storage.length).toBe(1);
    expect(checker.step).toBe('household');
    expect(checker.form.members[0].raw).toEqual({});
    expect(checker.evaluation).toBeNull();
  });

  it('a store without storage (staff mode) writes nothing at all', () => {
    const checker = new Checker({ ...testRuleSet, asOf, store: noStore });
    household(checker);
    expect(checker.evaluation).not.toBeNull();
    expect(globalThis.localStorage.length).toBe(0);
  });

  it('broken or unavailable storage never breaks the checker', () => {
    const broken = {
      getItem: () => '{not json',
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => {},
    } as unknown as Storage;
    const checker = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(broken) });
    household(checker);
    expect(checker.evaluation).not.toBeNull();
  });
});
