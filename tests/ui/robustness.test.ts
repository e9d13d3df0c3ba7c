/**
 * Robustness of the form and of the results, fuzzed with fast-check:
 * - every text field (dates, amounts, counts) takes random strings, emoji, huge numbers and pasted
 *   JSON without a crash; what was typed stays in the field and in the answers, every other answer
 *   keeps its value, and an answer that cannot be used gets a clear message tied to its field;
 * - every answer, radio ones included, survives garbage set behind the UI's back, and saved
 *   answers that are garbage start a clean check;
 * - at run time one rule that throws shows "could not be checked" for that benefit only.
 */
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import fc from 'fast-check';
import { runs } from '../fuzz';
import { flushSync } from 'svelte';
import { get } from 'svelte/store';
import { _ } from 'svelte-i18n';
import { beforeAll, describe, expect, it } from 'vitest';
import App from '../../src/App.svelte';
import type { Rule } from '../../src/lib/engine';
import { Checker } from '../../src/lib/questionnaire/checker.svelte';
import { allFields, stepForField } from '../../src/lib/questionnaire/fields';
import Field from '../../src/lib/questionnaire/Field.svelte';
import { restoreForm } from '../../src/lib/questionnaire/restore';
import { inputId } from '../../src/lib/questionnaire/labels';
import { localAnswerStore, STORAGE_KEY } from '../../src/lib/storage';
import {
  expectClearMessage,
  otherAnswers,
  MemoryStorage,
  startI18n,
  testRules,
  typed,
  validAnswer,
  testRuleSet,
  testParameters,
} from './helpers';
import { text } from '../text';

const asOf = '2024-10-15';
const RUNS = runs(150);

beforeAll(() => startI18n('ko'));

const adult = 'm1';
const child = 'm2';
const PREGNANCY = ['pregnant', 'dueDate', 'expectedBabies'];

/** A valid answer for every question, so that any answer lost to another field's input shows. */
function validAnswers(): Map<string, string> {
  const answers = new Map<string, string>();
  for (const f of allFields()) {
    if (f.name === 'birthDate') answers.set(`${adult}.birthDate`, '1990-05-05').set(`${child}.birthDate`, '2023-01-10');
    else if (stepForField(f.scope, f.name) === null) continue;
    else if (f.scope === 'household') answers.set(f.name, validAnswer(f, asOf));
    else
      for (const m of f.spec.appliesTo === 'child' ? [child] : PREGNANCY.includes(f.name) ? [adult] : [adult, child])
        answers.set(`${m}.${f.name}`, validAnswer(f, asOf));
  }
  return answers;
}

function answered(answers: Map<string, string>, incomeMode: 'amount' | 'percent' = 'amount'): Checker {
  const checker = new Checker({ ...testRuleSet, asOf });
  checker.addMember('child');
  checker.setIncomeMode(incomeMode);
  for (const [key, raw] of answers) checker.setByKey(key, raw);
  return checker;
}

const fieldOf = (key: string) => allFields().find((f) => f.name === key.split('.').pop() && (f.scope === 'member') === key.includes('.'))!;
const textKeys = [...validAnswers().keys()].filter((k) => ['date', 'number'].includes(fieldOf(k).kind));

describe('every text field under random input', () => {
  it('covers every date and number question', () => {
    expect(textKeys).toEqual(
      expect.arrayContaining([
        'monthlyIncome',
        'medianIncomePercent',
        'm1.birthDate',
        'm2.birthDate',
        'm1.dueDate',
        'm2.birthOrder',
        'm1.yearsInCare',
      ]),
    );
  });

  it.each(textKeys)('%s: no crash, nothing lost, a clear message for what cannot be used', (key) => {
    const answers = validAnswers();
    const checker = answered(answers, key === 'medianIncomePercent' ? 'percent' : 'amount');
    const neighbourKey = textKeys.find((k) => k !== key)!;
    render(Field, { props: { checker, key, field: fieldOf(key), label: '질문' } });
    render(Field, { props: { checker, key: neighbourKey, field: fieldOf(neighbourKey), label: '이웃 질문' } });
    const input = document.getElementById(inputId(key)) as HTMLInputElement;
    const neighbour = document.getElementById(inputId(neighbourKey)) as HTMLInputElement;
    const before = otherAnswers(checker, answers, key);
    const t = get(_);

    fc.assert(
      fc.property(typed, (text) => {
        fireEvent.input(input, { target: { value: text } });
        fireEvent.blur(input);
        flushSync();
        expect(input.value).toBe(text);
        expect(checker.raw(key)).toBe(text);
        expect(otherAnswers(checker, answers, key)).toEqual(before);
        expect(neighbour.value).toBe(answers.get(neighbourKey));
        expect(() => checker.evaluation).not.toThrow();
        const problem = checker.problemFor(key);
        expectClearMessage(input, key, problem, t);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('answers set behind the UI', () => {
  it('any string in any answer, radios included, leaves the check working and the other answers as they were', () => {
    const answers = validAnswers();
    const checker = answered(answers);
    fc.assert(
      fc.property(fc.constantFrom(...answers.keys()), typed, (key, text) => {
        const before = otherAnswers(checker, answers, key);
        checker.setByKey(key, text);
        expect(checker.raw(key)).toBe(text);
        expect(otherAnswers(checker, answers, key)).toEqual(before);
        expect(() => [checker.built, checker.evaluation, checker.ranking, checker.progress, checker.currentErrors]).not.toThrow();
        checker.setByKey(key, answers.get(key)!);
      }),
      { numRuns: RUNS * 4 },
    );
  });

  /** Shaped enough like a saved form to get past the first checks, with garbage inside. */
  const junk = fc.oneof(typed, fc.anything());
  const nearForm = fc.record(
    {
      v: fc.constant(1),
      members: fc.array(
        fc.oneof(
          fc.record({
            id: fc.string(),
            role: fc.constantFrom('adult', 'child'),
            raw: fc.dictionary(fc.constantFrom('birthDate', 'pregnant', 'dueDate', 'sex', 'birthOrder'), junk),
          }),
          fc.anything(),
        ),
        { maxLength: 4 },
      ),
      raw: fc.oneof(fc.dictionary(fc.constantFrom('residence', 'monthlyIncome', 'singleParent'), junk), fc.anything()),
      incomeMode: fc.oneof(fc.constantFrom('', 'amount', 'percent', 'unknown'), fc.anything()),
      visited: fc.array(
        fc.oneof(
          fc.record({ step: fc.constantFrom('h:residence', 'income', 'm:birthOrder', 'summary', 'nope'), members: fc.array(junk) }),
          fc.anything(),
        ),
      ),
      cursor: fc.oneof(fc.integer(), fc.anything()),
      nextId: fc.oneof(fc.integer(), fc.anything()),
    },
    { requiredKeys: ['v', 'members'] },
  );

  it('saved answers that are garbage start a clean check instead of crashing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), nearForm), (data) => {
        expect(() => restoreForm(data)).not.toThrow();
        const storage = new MemoryStorage();
        storage.setItem(STORAGE_KEY, typeof data === 'string' ? data : (JSON.stringify({ form: data, locale: data }) ?? ''));
        const checker = new Checker({ ...testRuleSet, asOf, store: localAnswerStore(storage) });
        expect(checker.form.members.length).toBeGreaterThan(0);
        expect(() => [checker.built, checker.evaluation, checker.step]).not.toThrow();
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('one failing rule', () => {
  it('shows "could not be checked" for that benefit while the others still show', async () => {
    // A rule file that passed the build but whose logic throws at run time (an unknown operator).
    const broken: Rule = {
      ...testRules[0],
      id: 'broken-rule',
      names: text('고장 난 혜택', 'Broken benefit'),
      criteria: [{ id: 'x', label: text('x', 'x'), logic: { 'no-such-operator': [1] } }],
    };
    const checker = new Checker({ rules: [testRules[0], broken, ...testRules.slice(1)], parameters: testParameters, asOf });
    render(App, { props: { checker } });
    const user = userEvent.setup();
    // The page's parts start one per task (src/lib/startup/roots.svelte.ts).
    await user.click(await screen.findByRole('radio', { name: '서울특별시' }));
    await user.type(screen.getByRole('textbox', { name: '생년월일 (어른 1)' }), '1990-01-01');

    const card = await screen.findByRole('article', { name: '고장 난 혜택' });
    expect(card).toHaveTextContent('이 혜택은 확인하지 못했어요');
    expect(checker.evaluation?.results.find((r) => r.id === 'broken-rule')?.status).toBe('error');
    const results = screen.getByRole('region', { name: '받을 수 있는 혜택' });
    const working = within(results).getByRole('article', { name: '혜택 seoul-grant' });
    expect(working).toHaveTextContent('700,000원');
    expect(working).not.toHaveTextContent('확인하지 못했어요');
    expect(within(results).getAllByRole('article').length).toBe(testRules.length + 1);
  });
});
