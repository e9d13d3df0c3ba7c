/**
 * No answer goes wrong out of sight in the resident questionnaire, fuzzed with fast-check over
 * whole visits driven through the rendered steps: answers typed and chosen in any order (birth dates
 * of every age, sex, pregnancy yes/no, due dates, nonsense), "next", "back", the answers summary
 * and its editors, members added and removed, a results card's question opened, and the answers
 * restored from storage days later. After every move:
 * - "next" refused: every problem that refuses it is at a field on screen, with its message;
 * - every problem the engine reports sits at a question on a step the resident can reach;
 * - a problem made by a change on this step (a sex that rules out a pregnancy, a birth date after a
 *   care end, a pregnancy "yes" that brings back a past due date) shows on this step, at its answer;
 * - the answers summary, the last stop before the results, shows every problem;
 * - due date and expected babies only show for a member answered pregnant, and when the engine
 *   refuses that pregnancy (under 10, male) the refusal shows beside them; on the household step
 *   they always come with the pregnancy question itself.
 * The real rules drive the flow: only they ask about sex, pregnancy or birth registration.
 */
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import fc from 'fast-check';
import { runs } from '../fuzz';
import { flushSync } from 'svelte';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { plusDays } from '../../src/lib/engine/dates';
import { Checker, HOUSEHOLD, SUMMARY } from '../../src/lib/questionnaire/checker.svelte';
import { INCOME_STEP } from '../../src/lib/questionnaire/fields';
import { errorText, inputId } from '../../src/lib/questionnaire/labels';
import Questionnaire from '../../src/lib/questionnaire/Questionnaire.svelte';
import { keysOf } from '../../src/lib/questionnaire/steps';
import { summaryRows } from '../../src/lib/questionnaire/summary';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import { localAnswerStore } from '../../src/lib/storage';
import { MemoryStorage, startI18n } from './helpers';

const { rules, parameters } = loadRuleSetOrThrow();
const asOf = '2024-10-15';
const RUNS = runs(150);
// Only catches a hang. A run re-renders a step with the real rules at every move: ~90 ms a run on a
// slow machine, over 200 ms under npm test's load, where the 40 s this was cut runs short.
const TIMEOUT = 60_000 + RUNS * 2_000;

beforeAll(() => startI18n('ko'));

/** The steps rendered for a resident whose answers are kept in `storage`, on `day`. */
function open(storage: MemoryStorage, day = asOf) {
  const checker = new Checker({ rules, parameters, asOf: day, store: localAnswerStore(storage) });
  const view = render(Questionnaire, { props: { checker, onshowresults: () => {} } });
  const t = get(_);
  const byId = (id: string) => view.container.querySelector<HTMLElement>(`[id="${id}"]`);
  return {
    checker,
    view,
    t,
    byId,
    field: (key: string) => byId(inputId(key)),
    message: (key: string) => byId(`${inputId(key)}-error`)?.textContent,
    /** The message for the problem with an answer, as its field should show it. */
    expected: (key: string) => errorText(checker.built.errors[key], t, 'ko'),
    type(key: string, value: string) {
      const input = byId(inputId(key)) as HTMLInputElement;
      fireEvent.input(input, { target: { value } });
      fireEvent.blur(input);
      flushSync();
    },
    choose(key: string, value: string) {
      fireEvent.click(byId(inputId(key))!.querySelector(`input[value="${value}"]`)!);
      flushSync();
    },
    next() {
      fireEvent.submit(view.container.querySelector('form')!);
      flushSync();
    },
    go(step: string) {
      checker.goTo(step);
      flushSync();
    },
  };
}

/** A resident with an adult born in 1990 and a child, on the household step. */
function start(childBirthDate: string, storage = new MemoryStorage()) {
  const r = open(storage);
  r.checker.setByKey('m1.birthDate', '1990-05-05');
  r.checker.setByKey(`${r.checker.addMember('child')}.birthDate`, childBirthDate);
  flushSync();
  return r;
}

describe('an answer made unusable elsewhere', () => {
  it('a child answered pregnant, then born later: the household step shows the refusal beside the due date', () => {
    // The bug fuzzing found: a child's pregnancy was asked on its own step only, so the household
    // step gave a 9-year-old due-date questions, and "under 10 cannot be pregnant" showed nowhere.
    const r = start('2012-03-01');
    r.go('m:pregnant');
    r.choose('m2.pregnant', 'true');
    r.go(HOUSEHOLD);
    expect(r.field('m2.pregnant'), 'a pregnancy "yes" comes with its due date').not.toBeNull();
    r.type('m2.birthDate', '2014-10-16');
    expect(r.checker.built.errors['m2.pregnant']?.code).toBe('pregnant.tooYoung');
    expect(r.message('m2.pregnant')).toBe(r.expected('m2.pregnant'));
    expect(r.field('m2.dueDate')).not.toBeNull();
    r.next();
    expect(r.checker.step).toBe(HOUSEHOLD);
    expect(r.checker.currentErrors).toContain('m2.pregnant');
  });

  it('a sex that rules out a pregnancy shows the refusal on its own step, and "next" waits for it', () => {
    const r = start('2022-01-10');
    // Sex is asked before the pregnancy (once "pregnant", a woman is not asked her sex): answered,
    // then changed on its own step after the pregnancy "yes".
    r.go('m:sex');
    r.choose('m1.sex', 'female');
    r.checker.setByKey('m1.pregnant', 'true');
    r.go('m:sex');
    r.choose('m1.sex', 'male');
    expect(r.checker.built.errors['m1.pregnant']?.code).toBe('pregnant.male');
    expect(r.message('m1.pregnant')).toBe(r.expected('m1.pregnant'));
    r.next();
    expect(r.checker.step).toBe('m:sex');
    r.choose('m1.pregnant', 'false');
    expect(r.field('m1.pregnant'), 'settled, it is back on its own step only').toBeNull();
    r.next();
    expect(r.checker.step).not.toBe('m:sex');
  });

  /** A pregnant adult whose due date was asked on its own step, back on the household step. */
  function dueDateAsked() {
    const r = start('2022-01-10');
    r.checker.setByKey('m1.pregnant', 'true');
    r.go('m:dueDate');
    r.type('m1.dueDate', plusDays(asOf, 60));
    r.go(HOUSEHOLD);
    return r;
  }

  it('a pregnancy answered "no" after its due date: "next" passes the due-date step by, and it asks no one', () => {
    const r = dueDateAsked();
    r.choose('m1.pregnant', 'false');
    r.next();
    expect(r.checker.form.visited.map((v) => v.step)).not.toContain('m:dueDate');
    r.go('m:dueDate');
    expect(r.field('m1.dueDate')).toBeNull();
  });

  it('a pregnancy refused after its due date (born 2016): the due-date step asks no one, the household step says why', () => {
    const r = dueDateAsked();
    r.type('m1.birthDate', '2016-01-01');
    expect(r.message('m1.pregnant')).toBe(r.expected('m1.pregnant'));
    r.go('m:dueDate');
    expect(r.field('m1.dueDate')).toBeNull();
  });

  it('answers restored months later: the summary shows the due date that has passed', () => {
    const storage = new MemoryStorage();
    const before = start('2022-01-10', storage);
    before.checker.setByKey('m1.pregnant', 'true');
    before.checker.setByKey('m1.dueDate', plusDays(asOf, 60));
    before.go('h:residence');
    before.go(SUMMARY);
    cleanup();
    const later = open(storage, plusDays(asOf, 120));
    expect(later.checker.step).toBe(SUMMARY);
    expect(later.checker.built.errors['m1.dueDate']?.code).toBe('dueDate.past');
    expect(later.message('m1.dueDate')).toBe(later.expected('m1.dueDate'));
  });
});

/** Birth dates of an adult, a 12-year-old, a child turning 10 today and one a day short, a toddler, a baby; due dates near, past and too far; garbage. */
const DATES = [
  '1990-05-05',
  '1985-01-01',
  '2012-03-01',
  '2014-10-15',
  '2014-10-16',
  '2022-01-10',
  '2024-09-01',
  '2024-12-14',
  '2024-10-01',
  '2026-01-01',
  '2025-01-01',
  '2024-13-45',
  '2012-0',
  '',
];
const NUMBERS = ['1', '2', '0', '99', 'abc', '3,000,000', ''];
const CHILD_BIRTH_DATES = ['2024-09-01', '2022-01-10', '2014-10-16', '2014-10-15', '2012-03-01'];

type Move =
  | { kind: 'answer'; field: number; value: number }
  | { kind: 'next' | 'back' | 'toSummary' | 'editHousehold' }
  | { kind: 'openRow' | 'remove' | 'decide'; n: number }
  | { kind: 'add'; role: 'adult' | 'child' }
  | { kind: 'reload'; days: number };

const move: fc.Arbitrary<Move> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('answer' as const), field: fc.nat(), value: fc.nat() }), weight: 8 },
  { arbitrary: fc.constant({ kind: 'next' as const }), weight: 4 },
  { arbitrary: fc.constantFrom({ kind: 'back' as const }, { kind: 'toSummary' as const }, { kind: 'editHousehold' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constantFrom('openRow' as const, 'remove' as const, 'decide' as const), n: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('add' as const), role: fc.constantFrom('adult' as const, 'child' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('reload' as const), days: fc.constantFrom(0, 30, 120) }), weight: 1 },
);

/** Plays the moves as a resident would, through the rendered steps, checking the screen after each. */
function visit(childBirthDate: string, moves: Move[]): void {
  const storage = new MemoryStorage();
  let day = asOf;
  let r = start(childBirthDate, storage);
  const button = (text: string) => [...r.view.container.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  const fields = () => [...r.view.container.querySelectorAll<HTMLElement>('input[type="text"], fieldset.field')];

  function play(m: Move): void {
    switch (m.kind) {
      case 'answer': {
        const all = fields();
        const field = all[m.field % all.length];
        if (field instanceof HTMLInputElement) {
          const pool = field.id.endsWith('Date') ? DATES : NUMBERS;
          fireEvent.input(field, { target: { value: pool[m.value % pool.length] } });
          fireEvent.blur(field);
        } else if (field) {
          const radios = field.querySelectorAll('input[type="radio"]');
          fireEvent.click(radios[m.value % radios.length]);
        }
        break;
      }
      case 'next':
        fireEvent.submit(r.view.container.querySelector('form')!);
        break;
      case 'back':
      case 'toSummary':
      case 'editHousehold': {
        const b = button(r.t({ back: 'flow.back', toSummary: 'flow.toSummary', editHousehold: 'summary.editHousehold' }[m.kind]));
        if (b) fireEvent.click(b);
        break;
      }
      case 'openRow': {
        const rows = r.view.container.querySelectorAll('button[id^="btn-"]');
        if (rows.length > 0) fireEvent.click(rows[m.n % rows.length]);
        break;
      }
      case 'remove': {
        const removes = r.view.container.querySelectorAll('button.btn-danger');
        if (removes.length > 0) fireEvent.click(removes[m.n % removes.length]);
        break;
      }
      case 'add': {
        const b = button(r.t(m.role === 'adult' ? 'household.addAdult' : 'household.addChild'));
        if (b) fireEvent.click(b);
        break;
      }
      case 'decide': {
        // What a result card's "answer this" does.
        const { ranking } = r.checker;
        if (ranking.length > 0) r.checker.goTo(ranking[m.n % ranking.length].step);
        break;
      }
      case 'reload':
        r.view.unmount();
        day = plusDays(day, m.days);
        r = open(storage, day);
        break;
    }
    flushSync();
  }

  /** Whether the problem with an answer shows at its field on screen, in the field's words. */
  function shownAt(key: string): boolean {
    const problem = r.checker.problemFor(key);
    return !!problem && r.message(key) === errorText(problem, r.t, 'ko');
  }

  function check(m: Move, before: Set<string>): void {
    const { checker } = r;
    const { step } = checker;
    const errors = Object.keys(checker.built.errors);
    const what = (key: string) => `${key} (${checker.built.errors[key].code})`;
    if (step !== SUMMARY) {
      // What the model says the step shows is what is on screen: the checks below rely on it.
      const onScreen = fields()
        .map((f) => f.id)
        .filter((id) => id !== 'f-incomeMode');
      expect(new Set(onScreen), `fields on ${step}`).toEqual(new Set(keysOf(checker, step).map(inputId)));
    }
    if (checker.showErrors) {
      for (const key of checker.currentErrors) expect(shownAt(key), `refuses "next" unseen: ${key} on ${step}`).toBe(true);
      expect(r.view.container.querySelectorAll('[role="alert"] li')).toHaveLength(checker.currentErrors.length);
    }
    const reachable = new Set([...keysOf(checker, step), ...keysOf(checker, INCOME_STEP), ...summaryRows(checker).map((row) => row.key)]);
    for (const key of errors) expect(reachable.has(key), `${what(key)} at no question the resident can reach`).toBe(true);
    for (const key of errors) {
      if (step === SUMMARY || (m.kind === 'answer' && !before.has(key)))
        expect(shownAt(key), `${what(key)} not shown on ${step}`).toBe(true);
    }
    for (const member of checker.form.members) {
      const pregnant = `${member.id}.pregnant`;
      for (const detail of ['dueDate', 'expectedBabies']) {
        if (!r.field(`${member.id}.${detail}`)) continue;
        expect(member.raw.pregnant, `${member.id}.${detail} on ${step} for a member not answered pregnant`).toBe('true');
        if (checker.built.errors[pregnant])
          expect(shownAt(pregnant), `${member.id}.${detail} on ${step}, the pregnancy refused unseen`).toBe(true);
        if (step === HOUSEHOLD) expect(r.field(pregnant), `${member.id}.${detail} without its pregnancy question`).not.toBeNull();
      }
    }
  }

  for (const m of moves) {
    const before = new Set(Object.keys(r.checker.built.errors));
    play(m);
    check(m, before);
  }
}

describe('answers in any order, on any step', () => {
  it(
    'leave no problem and no pregnancy question out of sight',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...CHILD_BIRTH_DATES),
          fc.array(move, { minLength: 5, maxLength: 30, size: 'max' }),
          (childBirthDate, moves) => {
            cleanup();
            visit(childBirthDate, moves);
          },
        ),
        // Each run mounts the steps anew and the test environment keeps some memory of every mount: the
        // limit stops a long shrink before it runs out (the failure is still reported, shrunk so far).
        { numRuns: RUNS, interruptAfterTimeLimit: TIMEOUT - 30_000 },
      );
    },
    TIMEOUT,
  );
});
