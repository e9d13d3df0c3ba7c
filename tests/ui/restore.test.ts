/**
 * Saved answers from storage, however hostile, never leave the page blank: the app is rendered
 * through its start-up (startApp) from each state, shows a working household step, and tells the
 * resident when what was saved had to be deleted. Named attacks first, then fuzzed states.
 */
import { fireEvent, screen, within } from '@testing-library/svelte';
import fc from 'fast-check';
import { flushSync, unmount, type Component } from 'svelte';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import App from '../../src/App.svelte';
import { MAX_MEMBERS } from '../../src/lib/engine';
import { LOCALES } from '../../src/lib/i18n';
import { Checker, HOUSEHOLD, SUMMARY } from '../../src/lib/questionnaire/checker.svelte';
import { allFields, appliesToRole, stepForField, type FieldInfo } from '../../src/lib/questionnaire/fields';
import { memberKey, type IncomeMode, type Role } from '../../src/lib/questionnaire/form';
import { loadRuleSetOrThrow } from '../../src/build/rules/load';
import type { Roots } from '../../src/lib/startup/roots.svelte';
import { MAX_VISITED, restoreSaved } from '../../src/lib/questionnaire/restore';
import { startApp, type Started } from '../../src/lib/startup/startApp';
import { localAnswerStore, STORAGE_KEY } from '../../src/lib/storage';
import { runs } from '../fuzz';
import { savedMembers, savedText } from '../savedStates';
import { lookup, MemoryStorage, MESSAGES, startI18n, testRuleSet, typed, validAnswer } from './helpers';

const asOf = '2024-10-15';

beforeAll(() => startI18n('ko'));

let started: Started | null = null;
afterEach(() => {
  if (started) unmount(started.instance);
  started = null;
  document.body.replaceChildren();
  startI18n('ko');
});

type AppComponent = Component<{ checker: Checker; roots?: Roots }>;

/** The app started from `text` saved on this device, once every part of the page has started. */
async function startFrom(text: string | null, app?: AppComponent) {
  const storage = new MemoryStorage();
  if (text !== null) storage.setItem(STORAGE_KEY, text);
  const target = document.body.appendChild(document.createElement('div'));
  started = await startApp(target, { ...testRuleSet, asOf, store: localAnswerStore(storage) }, app);
  return { storage, target, checker: started.checker };
}

const member = (id: string, birthDate = '1990-01-01', role = 'adult') => ({ id, role, raw: { birthDate } });
const form = (over: Record<string, unknown> = {}) => ({
  v: 1,
  raw: { residence: 'seoul' },
  incomeMode: '',
  members: [member('m1')],
  visited: [],
  cursor: 0,
  nextId: 2,
  ...over,
});
const saved = (f: unknown, locale: unknown = null) => JSON.stringify({ form: f, locale });

/** The page shows the app with a step to work on, and its member ids (in state and in the DOM) are unique. */
function expectWorkingApp(target: HTMLElement, checker: Checker) {
  expect(within(target).getByRole('heading', { level: 1 })).toBeInTheDocument();
  expect(target.querySelector('#step-heading')?.textContent?.trim()).not.toBe('');
  const ids = checker.form.members.map((m) => m.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(checker.form.nextId).toBeGreaterThan(Math.max(...ids.map((id) => Number(id.slice(1)))));
  const domIds = [...target.querySelectorAll('[id]')].map((e) => e.id);
  expect(new Set(domIds).size).toBe(domIds.length);
}

/** Back to the household step, add a child by its button: the page must still work. */
function addChildByHand(target: HTMLElement, checker: Checker) {
  checker.goTo('household');
  flushSync();
  const before = checker.form.members.length;
  fireEvent.click(within(target).getByRole('button', { name: /아이 추가/ }));
  flushSync();
  expect(checker.form.members.length).toBe(Math.min(before + 1, MAX_MEMBERS));
  expectWorkingApp(target, checker);
}

const RESTORE_FAILED = '이 기기에 저장된 답변을 읽을 수 없어서 지웠어요. 처음부터 다시 입력해 주세요.';

describe('saved answers the app could not have written', () => {
  it.each([
    ['two members with one id', saved(form({ members: [member('m1'), member('m1', '2020-01-01', 'child')] }))],
    ['a form key __proto__', saved(form()).replace('"raw":{', '"raw":{"__proto__":"x",')],
    ['a member answer keyed constructor', saved(form({ members: [{ id: 'm1', role: 'adult', raw: { constructor: '1' } }] }))],
    ['a top-level form key __proto__', saved(form()).replace('{"v":1', '{"__proto__":{"v":2},"v":1')],
    ['a visited step m:constructor', saved(form({ visited: [{ step: 'm:constructor', members: ['m1'] }], cursor: 1 }))],
    ['a visited step h:toString', saved(form({ visited: [{ step: 'h:toString', members: [] }], cursor: 1 }))],
    [
      'the income step twice',
      saved(
        form({
          visited: [
            { step: 'income', members: [] },
            { step: 'income', members: [] },
          ],
          cursor: 2,
        }),
      ),
    ],
    ['31 members', saved(form({ members: Array.from({ length: 31 }, (_, i) => member(`m${i + 1}`)), nextId: 32 }))],
    ['an unknown language', saved(form(), 'xx')],
    ['text that is not JSON', '{"form": {"v": 1'],
    ['JSON that is no state', '[1, 2, 3]'],
  ])('%s: deleted, the app starts afresh, and the resident is told', async (_name, text) => {
    const { storage, target, checker } = await startFrom(text);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(checker.notice).toBe('restoreFailed');
    expect(within(target).getByRole('alert')).toHaveTextContent(RESTORE_FAILED);
    expect(checker.form.members.map((m) => m.id)).toEqual(['m1']);
    expectWorkingApp(target, checker);
    addChildByHand(target, checker);
    // The notice goes when dismissed.
    fireEvent.click(within(target).getByRole('button', { name: '알림 닫기' }));
    flushSync();
    expect(within(target).queryByText(RESTORE_FAILED)).toBeNull();
  });

  it('more visited steps than every question once per member: refused, so a tampered state cannot slow every load', async () => {
    const visited = (n: number) => Array.from({ length: n }, () => ({ step: 'm:sex', members: [] as string[] }));
    expect(MAX_VISITED).toBeGreaterThanOrEqual(30 * 20);
    expect(restoreSaved(JSON.parse(saved(form({ visited: visited(MAX_VISITED) }))))).not.toBeNull();
    expect(restoreSaved(JSON.parse(saved(form({ visited: visited(MAX_VISITED + 1) }))))).toBeNull();
    const { storage, target, checker } = await startFrom(saved(form({ visited: visited(150_000), cursor: 150_000 })));
    expect(checker.notice).toBe('restoreFailed');
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expectWorkingApp(target, checker);
  });

  it('members m1 and m3 saved without nextId: restored, and "아이 추가" makes m4, not a second m3', async () => {
    const f = form({ members: [member('m1'), member('m3', '2020-01-01', 'child')] });
    delete (f as { nextId?: number }).nextId;
    const { storage, target, checker } = await startFrom(saved(f));
    expect(checker.notice).toBeNull();
    expect(checker.form.nextId).toBe(4);
    addChildByHand(target, checker);
    expect(checker.form.members.map((m) => m.id)).toEqual(['m1', 'm3', 'm4']);
    // What is saved now starts the page again just as well.
    unmount(started!.instance);
    started = null;
    target.remove();
    const again = await startFrom(storage.getItem(STORAGE_KEY));
    expect(again.checker.notice).toBeNull();
    expect(again.checker.form.members.map((m) => m.id)).toEqual(['m1', 'm3', 'm4']);
  });

  it('a nextId below an id in use is raised past it; a saved state the app wrote comes back whole', async () => {
    const f = form({ members: [member('m1'), member('m7', '2020-01-01', 'child')], nextId: 3 });
    const { checker } = await startFrom(saved(f, 'en'));
    expect(checker.notice).toBeNull();
    expect(checker.form.nextId).toBe(8);
    expect(checker.locale).toBe('en');
    expect(restoreSaved(JSON.parse(saved(form())))).toEqual({ form: form(), locale: null });
  });

  it.each(LOCALES)('tells the resident in %s', async (code) => {
    startI18n(code);
    const { target } = await startFrom('garbage');
    const message = lookup(MESSAGES[code], 'storage.restoreFailed') as string;
    expect(message).toBeTruthy();
    expect(within(target).getByRole('alert')).toHaveTextContent(message);
  });

  // Stand-ins for any render error not foreseen, while the app has saved answers: the page's frame
  // throws, or one part of it (the question step, which reads checker.step).
  const renderApp = App as unknown as (anchor: never, props: unknown) => unknown;
  const frameFails = ((anchor: never, props: { checker: Checker }) => {
    if (props.checker.form.raw.residence) throw new Error('render failed');
    return renderApp(anchor, props);
  }) as unknown as AppComponent;
  const stepFails = ((anchor: never, props: { checker: Checker; roots: Roots }) => {
    const failing = new Proxy(props.checker, {
      get: (target, key) => {
        if (key === 'step') throw new Error('render failed');
        return Reflect.get(target, key);
      },
    });
    return renderApp(anchor, { ...props, checker: props.checker.form.raw.residence ? failing : props.checker });
  }) as unknown as AppComponent;

  it.each([
    ['the frame', frameFails],
    ['one part of the page', stepFails],
  ])('a saved state that passes restoring yet breaks %s is deleted, and the app starts afresh', async (_part, app) => {
    const reported = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { storage, target, checker } = await startFrom(saved(form()), app);
    reported.mockRestore();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    expect(checker.notice).toBe('restoreFailed');
    expect(within(target).getByRole('alert')).toHaveTextContent(RESTORE_FAILED);
    expectWorkingApp(target, checker);
  });
});

describe('fuzzed saved states', () => {
  it('any saved text renders a working app; what could not be used is deleted and the resident told', async () => {
    const outcomes = { kept: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(savedText, async (text) => {
        const { storage, target, checker } = await startFrom(text);
        expectWorkingApp(target, checker);
        if (checker.notice === 'restoreFailed') {
          outcomes.refused += 1;
          expect(storage.getItem(STORAGE_KEY)).toBeNull();
          expect(within(target).getByRole('alert')).toHaveTextContent(RESTORE_FAILED);
        } else {
          outcomes.kept += 1;
          expect(storage.getItem(STORAGE_KEY)).toBe(text);
          expect(checker.form.members.map((m) => m.id)).toEqual(savedMembers(JSON.parse(text)).map((m) => m.id));
        }
        addChildByHand(target, checker);
        unmount(started!.instance);
        started = null;
        target.remove();
      }),
      { numRuns: runs(150) },
    );
    // Both ways were taken, so the property says something about each.
    expect(outcomes.kept).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('the other answers a resident might see on screen', () => {
  it('more members than a household may have: refused when added, and a message in the results, never an empty panel', async () => {
    const { target, checker } = await startFrom(null);
    for (let i = 1; i < MAX_MEMBERS; i += 1) checker.addMember('child');
    flushSync();
    expect(checker.addMember('child')).toBeNull();
    fireEvent.click(within(target).getByRole('button', { name: /아이 추가/ }));
    flushSync();
    expect(checker.form.members).toHaveLength(MAX_MEMBERS);
    expect(within(target).getAllByText('가족은 30명까지 입력할 수 있어요').length).toBeGreaterThan(0);
    // Even if a state of 31 got in by some other way, with one birth date blank: the results say why they are empty.
    checker.form.members = [...checker.form.members, { id: 'm99', role: 'child', raw: {} }];
    checker.form.members.forEach((m, i) => (m.raw.birthDate = i === 3 ? '' : '2020-01-01'));
    flushSync();
    const results = await screen.findByRole('region', { name: '받을 수 있는 혜택' });
    expect(within(results).getByRole('alert')).toHaveTextContent('가족은 30명까지 입력할 수 있어요');
  });
});

describe('what the app itself saves', () => {
  const ruleSet = loadRuleSetOrThrow();
  const fields = allFields().filter((f) => f.name === 'birthDate' || stepForField(f.scope, f.name) !== null);
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

  /** The keys a resident can answer now: household questions, and each member's own. */
  function answerable(checker: Checker): [string, FieldInfo][] {
    return [
      ...fields.filter((f) => f.scope === 'household').map((f): [string, FieldInfo] => [f.name, f]),
      ...checker.form.members.flatMap((m) =>
        fields
          .filter((f) => f.scope === 'member' && appliesToRole(f, m.role))
          .map((f): [string, FieldInfo] => [memberKey(m.id, f.name), f]),
      ),
    ];
  }

  const n = fc.nat();
  const action = fc.oneof(
    { weight: 6, arbitrary: fc.record({ answer: n, text: fc.option(typed, { nil: null, freq: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ add: fc.constantFrom('adult', 'child') as fc.Arbitrary<Role> }) },
    { weight: 1, arbitrary: fc.record({ remove: n }) },
    { weight: 3, arbitrary: fc.record({ move: fc.constantFrom('next', 'back') }) },
    { weight: 2, arbitrary: fc.record({ goTo: n }) },
    { weight: 1, arbitrary: fc.record({ income: fc.constantFrom('', 'amount', 'percent', 'unknown') as fc.Arbitrary<IncomeMode> }) },
    { weight: 1, arbitrary: fc.record({ locale: fc.constantFrom(...LOCALES) }) },
    { weight: 1, arbitrary: fc.record({ reset: fc.constant(true) }) },
  );
  type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

  function act(checker: Checker, a: Action) {
    if ('answer' in a) {
      const [key, field] = pick(answerable(checker), a.answer);
      checker.setByKey(key, a.text ?? validAnswer(field, asOf));
    } else if ('add' in a) checker.addMember(a.add);
    else if ('remove' in a) checker.removeMember(pick(checker.form.members, a.remove).id);
    else if ('move' in a) checker[a.move]();
    else if ('goTo' in a)
      checker.goTo(pick([HOUSEHOLD, SUMMARY, ...checker.ranking.map((r) => r.step), ...checker.form.visited.map((v) => v.step)], a.goTo));
    else if ('income' in a) checker.setIncomeMode(a.income);
    else if ('locale' in a) checker.setLocale(a.locale);
    else checker.reset();
  }

  it('whatever the resident does, what is saved comes back whole: no answer is refused as if tampered with', () => {
    let stored = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
        const storage = new MemoryStorage();
        const checker = new Checker({ ...ruleSet, asOf, store: localAnswerStore(storage) });
        for (const a of actions) act(checker, a);
        const text = storage.getItem(STORAGE_KEY);
        if (text === null) return;
        stored += 1;
        const saved = JSON.parse(text);
        expect(restoreSaved(saved)).toEqual(saved);
        const again = new Checker({ ...ruleSet, asOf, store: localAnswerStore(storage) });
        expect(again.notice).toBeNull();
        expect(storage.getItem(STORAGE_KEY)).toBe(text);
        expect(JSON.parse(JSON.stringify({ form: again.form, locale: again.locale, received: again.received }))).toEqual(saved);
      }),
      { numRuns: runs(150) },
    );
    expect(stored).toBeGreaterThan(runs(150) / 2);
  });
});
