/**
 * Saved answers as a device might hold them, for the tests that start the app from storage (ui and
 * e2e): states the app could have written, the same with one attack each (tampering, truncation,
 * an old or foreign writer), and text that is no state at all.
 */
import fc from 'fast-check';

const member = (id: string, birthDate = '1990-01-01', role = 'adult') => ({ id, role, raw: { birthDate } });

// A placeholder for keys that must reach JSON as own keys (an object literal would set the prototype).
const PROTO = '__PROTO__';
const [CONSTRUCTOR, TO_STRING]: string[] = ['constructor', 'toString'];
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('1990-01-01', '2024-01-01', 'true', 'false', 'seoul', 'female', '2'));
const memberSteps = ['m:birthOrder', 'm:sex', 'm:employed'];
const householdSteps = ['h:residence', 'income', 'h:singleParent'];

/** States the app could have written: members with unique ids, answers as text, real steps. */
export const validState = fc
  .record({
    numbers: fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
    roles: fc.array(fc.constantFrom('adult', 'child'), { minLength: 6, maxLength: 6 }),
    answers: fc.array(fc.dictionary(fc.constantFrom('birthDate', 'sex', 'pregnant', 'dueDate', 'birthOrder'), text, { maxKeys: 3 }), {
      minLength: 6,
      maxLength: 6,
    }),
    raw: fc.dictionary(fc.constantFrom('residence', 'monthlyIncome', 'singleParent'), text, { maxKeys: 3 }),
    incomeMode: fc.constantFrom('', 'amount', 'percent', 'unknown'),
    household: fc.subarray(householdSteps),
    member: fc.array(fc.record({ step: fc.constantFrom(...memberSteps), pick: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }) }), {
      maxLength: 3,
    }),
    cursorAt: fc.double({ min: 0, max: 1, noNaN: true }),
    nextId: fc.option(fc.integer({ min: 0, max: 45 }), { nil: undefined }),
    locale: fc.constantFrom('ko', 'en', 'zh', 'vi', null),
  })
  .map(({ numbers, roles, answers, raw, incomeMode, household, member: steps, cursorAt, nextId, locale }) => {
    const ids = numbers.map((n) => `m${n}`);
    const visited = [
      ...household.map((step) => ({ step, members: [] as string[] })),
      ...steps.map(({ step, pick }) => ({ step, members: ids.filter((_, i) => pick[i]) })),
    ];
    const f: Record<string, unknown> = {
      v: 1,
      raw,
      incomeMode,
      members: ids.map((id, i) => ({ id, role: roles[i], raw: answers[i] })),
      visited,
      cursor: Math.floor(cursorAt * (visited.length + 1)),
    };
    if (nextId !== undefined) f.nextId = nextId;
    return { form: f, locale };
  });

export type State = { form: Record<string, unknown>; locale: unknown };
export const savedMembers = (s: State) => s.form.members as { id: string; raw: Record<string, unknown> }[];
/** Ways a saved state gets broken: tampering, truncation, an old or foreign writer. */
const attacks: ((s: State) => void)[] = [
  (s) => savedMembers(s).push({ ...savedMembers(s)[0] }),
  (s) => (savedMembers(s)[0].raw[PROTO] = '1'),
  (s) => (savedMembers(s)[0].raw[CONSTRUCTOR] = '1'),
  (s) => ((s.form.raw as Record<string, unknown>)[PROTO] = 'x'),
  (s) => ((s.form.raw as Record<string, unknown>)[TO_STRING] = 'x'),
  (s) => (s.form[PROTO] = { v: 1 }),
  (s) => (s.form.visited as unknown[]).push({ step: 'm:constructor', members: [savedMembers(s)[0].id] }),
  (s) => (s.form.visited as unknown[]).push({ step: 'h:toString', members: [] }),
  (s) => (s.form.visited as unknown[]).push({ step: 'summary', members: [] }),
  (s) => (s.form.visited as unknown[]).push({ step: 'm:sex', members: ['m999'] }),
  (s) => (savedMembers(s)[0].id = 'constructor'),
  (s) => (savedMembers(s)[0].raw.birthDate = 19900101),
  (s) => (s.form.members = Array.from({ length: 31 }, (_, i) => member(`m${i + 1}`))),
  (s) => (s.form.members = []),
  (s) => (s.form.cursor = 99),
  (s) => (s.form.nextId = 'next'),
  (s) => (s.form.incomeMode = 'hack'),
  (s) => (s.form.v = 2),
  (s) => (s.locale = 'xx'),
  (s) => delete (s as { form?: unknown }).form,
];
export const hostile = fc.tuple(validState, fc.constantFrom(...attacks)).map(([s, attack]) => {
  attack(s);
  return s;
});
/** A hostile state as saved text, its placeholder keys made real `__proto__` keys. */
export const hostileText = hostile.map((s) => JSON.stringify(s).replaceAll(`"${PROTO}"`, '"__proto__"'));

/** Saved text: a third valid states, the rest hostile. */
export const savedText = fc.oneof(
  { weight: 3, arbitrary: validState.map((s) => JSON.stringify(s)) },
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
);
