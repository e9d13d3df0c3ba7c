/**
 * Robustness of the staff screen's form (StaffForm, StaffMember, staff/fields.ts), fuzzed with
 * fast-check like the resident form (robustness.test.ts), on the whole form as a clerk sees it:
 * - every text field it shows takes random strings, emoji, huge numbers and pasted JSON without a
 *   crash; what was typed stays in the field and in the answers, every other answer and field keeps
 *   its value, and an answer that cannot be used gets a clear message tied to its field;
 * - any answer set behind the UI (a garbage birth date or sex decides which questions show here)
 *   leaves the screen rendering and the other answers as they were;
 * - whatever a clerk changes in whatever order (a child's birth date, sex, pregnancy), every problem
 *   with the answers shows at a question on screen: none hides behind a question that went away.
 */
import { fireEvent, render } from '@testing-library/svelte';
import fc from 'fast-check';
import { runs } from '../fuzz';
import { flushSync } from 'svelte';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { householdField, type FieldInfo } from '../../src/lib/questionnaire/fields';
import type { IncomeMode } from '../../src/lib/questionnaire/form';
import { fieldOfKey, inputId } from '../../src/lib/questionnaire/labels';
import { addStaffMessages } from '../../src/lib/staff';
import { memberFieldsFor, situationFields } from '../../src/lib/staff/fields';
import StaffForm from '../../src/lib/staff/StaffForm.svelte';
import { noStore } from '../../src/lib/storage';
import { expectClearMessage, otherAnswers, startI18n, typed, validAnswer, testRuleSet } from './helpers';

const asOf = '2024-10-15';
const RUNS = runs(150);
// Only catches a hang. The whole form re-renders on every input: 20–35 ms a run on our 2-core
// machine alone, over 60 ms under npm test's load (9.5 s for 150 runs timed out there).
const TIMEOUT = 60_000 + RUNS * 400;

beforeAll(() => {
  startI18n('ko');
  addStaffMessages();
});

const BIRTH_DATES: Record<string, string> = { m1: '1990-05-05', m2: '2023-01-10' };

/** Every question the staff screen shows for a pregnant adult and a baby, answered validly. */
function staffAnswers(incomeMode: IncomeMode): { checker: Checker; answers: Map<string, string> } {
  const checker = new Checker({ ...testRuleSet, asOf, store: noStore });
  checker.addMember('child');
  checker.setIncomeMode(incomeMode);
  const answers = new Map<string, string>();
  const income = incomeMode === 'amount' ? 'monthlyIncome' : 'medianIncomePercent';
  for (const f of [householdField('residence')!, householdField('householdSize')!, householdField(income)!, ...situationFields])
    answers.set(f.name, validAnswer(f, asOf));
  // Which questions a member is asked hangs on its birth date, sex and pregnancy: answer those first.
  for (const member of checker.form.members) {
    checker.setByKey(`${member.id}.birthDate`, BIRTH_DATES[member.id]);
    checker.setByKey(`${member.id}.sex`, 'female');
    if (member.role === 'adult') checker.setByKey(`${member.id}.pregnant`, 'true');
    for (const f of memberFieldsFor(member, asOf))
      answers.set(`${member.id}.${f.name}`, checker.raw(`${member.id}.${f.name}`) || validAnswer(f, asOf));
  }
  for (const [key, raw] of answers) checker.setByKey(key, raw);
  return { checker, answers };
}

const fieldOf = (key: string): FieldInfo => fieldOfKey(key).field!;
const isText = (key: string) => ['date', 'number'].includes(fieldOf(key).kind);
const textKeys = (mode: IncomeMode) => [...staffAnswers(mode).answers.keys()].filter(isText);
/** Every text field, once: the income fields in their own mode. */
const FUZZED = [...textKeys('amount'), 'medianIncomePercent'].map((key) => ({
  key,
  mode: (key === 'medianIncomePercent' ? 'percent' : 'amount') as IncomeMode,
}));

function renderForm(mode: IncomeMode) {
  const { checker, answers } = staffAnswers(mode);
  const { container, unmount } = render(StaffForm, { props: { checker, onadd: () => {}, onstatus: () => {} } });
  const inputs = () => [...container.querySelectorAll<HTMLInputElement>('input[type="text"]')];
  return { checker, answers, inputs, unmount };
}

/** What the text fields on screen but `key`'s show, and the answers they should show. */
function otherFields(inputs: HTMLInputElement[], answers: Map<string, string>, key: string) {
  const keyOf = new Map([...answers.keys()].map((k) => [inputId(k), k]));
  const others = inputs.filter((i) => i.id !== inputId(key));
  return { shown: others.map((i) => [i.id, i.value]), expected: others.map((i) => [i.id, answers.get(keyOf.get(i.id)!)]) };
}

describe('every staff text field under random input', () => {
  it.each(['amount', 'percent'] as const)('covers every text field the form shows (income as %s)', (mode) => {
    const { inputs } = renderForm(mode);
    expect(
      inputs()
        .map((i) => i.id)
        .sort(),
    ).toEqual(textKeys(mode).map(inputId).sort());
    expect(textKeys(mode)).toEqual(
      expect.arrayContaining([
        'householdSize',
        'm1.birthDate',
        'm1.dueDate',
        'm1.expectedBabies',
        'm2.birthDate',
        'm2.birthOrder',
        'm2.yearsInCare',
      ]),
    );
  });

  it.each(FUZZED)(
    '$key: no crash, nothing lost, a clear message for what cannot be used',
    ({ key, mode }) => {
      const { checker, answers, inputs } = renderForm(mode);
      const input = document.getElementById(inputId(key)) as HTMLInputElement;
      const before = otherAnswers(checker, answers, key);
      const t = get(_);

      fc.assert(
        fc.property(typed, (text) => {
          fireEvent.input(input, { target: { value: text } });
          fireEvent.blur(input);
          flushSync();
          expect(input.isConnected).toBe(true);
          expect(input.value).toBe(text);
          expect(checker.raw(key)).toBe(text);
          expect(otherAnswers(checker, answers, key)).toEqual(before);
          const { shown, expected } = otherFields(inputs(), answers, key);
          expect(shown).toEqual(expected);
          expect(() => checker.evaluation).not.toThrow();
          const problem = checker.problemFor(key);
          expectClearMessage(input, key, problem, t);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('staff answers set behind the UI', () => {
  it(
    'any string in any answer, radios included, leaves the form rendering and the other answers as they were',
    () => {
      const { checker, answers, inputs } = renderForm('amount');
      fc.assert(
        fc.property(fc.constantFrom(...answers.keys()), typed, (key, text) => {
          const before = otherAnswers(checker, answers, key);
          checker.setByKey(key, text);
          flushSync();
          expect(checker.raw(key)).toBe(text);
          expect(otherAnswers(checker, answers, key)).toEqual(before);
          const { shown, expected } = otherFields(inputs(), answers, key);
          expect(shown).toEqual(expected);
          expect(() => [checker.built, checker.evaluation, checker.ranking]).not.toThrow();
          checker.setByKey(key, answers.get(key)!);
          flushSync();
        }),
        { numRuns: RUNS * 2 },
      );
    },
    TIMEOUT * 2,
  );
});

/**
 * The answers that decide whether a child is asked about pregnancy (only from age 10 and not male;
 * an adult always is), and its due date.
 */
const DECIDING = ['m2.birthDate', 'm2.sex', 'm2.pregnant', 'm2.dueDate'];
/** A clerk's edit: typing into a text field (mostly a date, so birth dates of any age), or choosing an option. */
const edit = fc.record({
  key: fc.constantFrom(...DECIDING),
  text: fc.oneof(
    {
      arbitrary: fc
        .date({ min: new Date('1980-01-01'), max: new Date(asOf), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      weight: 3,
    },
    { arbitrary: typed, weight: 1 },
  ),
  option: fc.nat(),
});

describe('staff edits in any order', () => {
  it(
    'leave every problem at a question on screen, with its message',
    () => {
      const { checker } = renderForm('amount');
      const start = JSON.stringify(checker.form);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 3, maxLength: 6 }), (edits) => {
          checker.form = JSON.parse(start);
          flushSync();
          for (const { key, text, option } of edits) {
            const field = document.getElementById(inputId(key));
            if (field instanceof HTMLInputElement) {
              fireEvent.input(field, { target: { value: text } });
              fireEvent.blur(field);
            } else if (field) {
              const radios = field.querySelectorAll('input[type="radio"]');
              fireEvent.click(radios[option % radios.length]);
            }
            flushSync();
          }
          for (const key of Object.keys(checker.built.errors)) expect(document.getElementById(`${inputId(key)}-error`), key).not.toBeNull();
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT * 4,
  );
});
