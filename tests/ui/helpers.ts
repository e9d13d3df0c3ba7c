/**
 * Test helpers: svelte-i18n started synchronously with every locale, a memory Storage, small rules,
 * and the fuzzing input shared by the resident and staff robustness tests.
 */
import fc from 'fast-check';
import { init, locale } from 'svelte-i18n';
import { addCatalogue, LOCALES, type Catalogue } from '../../src/lib/i18n';
import type { Parameter, ParameterTree, Rule } from '../../src/lib/engine';
import medianIncome from '../../rules/parameters/median-income.json';
import { plusDays } from '../../src/lib/engine/dates';
import { expect } from 'vitest';
import { text } from '../text';
import type { FieldInfo } from '../../src/lib/questionnaire/fields';
import { errorText, inputId, type Translate } from '../../src/lib/questionnaire/labels';
import type { FieldError } from '../../src/lib/questionnaire/parse';

/** Every locale as the app loads it: messages with their parsed forms (src/build/messagesPlugin.ts). */
const CATALOGUES = import.meta.glob<Catalogue>('../../src/lib/i18n/locales/*.json', {
  query: '?catalogue',
  import: 'default',
  eager: true,
});

/** Each locale file's messages, by its code. */
export const MESSAGES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries(CATALOGUES).map(([file, catalogue]) => [file.replace(/^.*\/|\.json$/g, ''), catalogue.messages]),
);

let started = false;

/** Starts svelte-i18n synchronously (the app loads each language lazily; tests have them all at once). */
export function startI18n(lang = 'ko'): void {
  if (!started) {
    for (const code of LOCALES) addCatalogue(code, CATALOGUES[`../../src/lib/i18n/locales/${code}.json`]);
    init({ fallbackLocale: 'ko', initialLocale: lang });
    started = true;
  }
  locale.set(lang);
}

/** A Storage kept in memory, to prove what the app writes. */
export class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, String(value));
  }
}

/** Dotted keys of a nested message object. */
export function flatKeys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

export function lookup(obj: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function base(id: string, over: Partial<Rule>): Rule {
  return {
    id,
    names: text(`혜택 ${id}`, `Benefit ${id}`),
    summary: text('요약', 'summary'),
    category: 'test',
    kind: 'benefit',
    department: text('저출생담당관', 'Low Birth Rate Policy Division'),
    legalBasis: [text('조례 제4조', 'Ordinance Art. 4')],
    source: { seed: 'seeds/x.txt', section: text('Ⅳ-2 ❷', 'IV.2') },
    verifiedAt: '2024-09-30',
    validFrom: '2020-01-01',
    scope: { members: 'household' },
    criteria: [],
    apply: {},
    ...over,
  };
}

const isSeoul = {
  id: 'seoul',
  label: text('서울시에 주민등록', 'lives in Seoul'),
  logic: { '===': [{ var: 'household.residence' }, 'seoul'] },
};
const single = { id: 'single', label: text('한부모가족', 'single parent'), logic: { '===': [{ var: 'household.singleParent' }, true] } };
const income = {
  id: 'income',
  label: text('소득 150% 이하', 'income up to 150%'),
  logic: { '<=': [{ var: 'household.incomePercent' }, 150] },
  incomeLimitPercent: 150,
};

/** Three small benefits: one needs residence, one residence + single parent, one residence + income. */
export const testRules: Rule[] = [
  base('seoul-grant', {
    criteria: [isSeoul],
    amount: { value: 700000, per: 'once', basis: 'household', kind: 'voucher' },
    applyBy: '2024-12-31',
    apply: {
      online: [{ name: text('몽땅정보 만능키', 'Mongttang portal'), url: 'https://umppa.seoul.go.kr' }],
      offline: [text('동주민센터 방문', 'dong community centre')],
      phone: ['02-120'],
      documents: [text('신분증', 'ID card')],
      steps: [text('신청 → 지급', 'apply → paid')],
    },
  }),
  base('single-allowance', { criteria: [isSeoul, single], amount: { value: 210000, per: 'month', basis: 'household', kind: 'grant' } }),
  base('care-allowance', { criteria: [isSeoul, income], amount: { value: 300000, per: 'month', basis: 'household', kind: 'grant' } }),
];
/** The real 기준 중위소득 table: the only shared parameter the engine reads itself. */
export const testParameters: ParameterTree = { 'median-income': medianIncome as Parameter };

export const testRuleSet = { rules: testRules, parameters: testParameters };

/** What a resident or a clerk might type or paste into any field. */
export const typed = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '👶🏻',
    '🇰🇷 2024-03-05',
    '３０００',
    '١٢٣',
    ' 2024. 3. 5. ',
    '2024년 3월 5일',
    '420만',
    '1,000,000,000,000,000,000,000',
    '-0',
    'NaN',
    'Infinity',
    '1e309',
    '0x10',
    '{}',
    '[]',
    'null',
    '\u0000',
    '\u202e12',
  ),
  fc.double().map(String),
  fc.bigInt().map(String),
  fc.integer({ min: 1, max: 2000 }).map((n) => '9'.repeat(n)),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.json(),
);

/**
 * A valid answer to any question but a birth date, as of `asOf`: Seoul, pregnant, "no" to the other
 * yes/no questions, the first choice, and a plausible date or number.
 */
export function validAnswer(field: FieldInfo, asOf: string): string {
  const dates: Record<string, string> = { dueDate: plusDays(asOf, 60), careEndDate: '2020-02-01' };
  const numbers: Record<string, string> = {
    householdSize: '3',
    monthlyIncome: '3,000,000',
    medianIncomePercent: '80',
    expectedBabies: '1',
    birthOrder: '1',
    yearsInCare: '3',
    monthsLivingInSeoul: '24',
  };
  if (field.name === 'residence') return 'seoul';
  if (field.name === 'pregnant') return 'true';
  if (field.kind === 'yesno') return 'false';
  if (field.kind === 'choice') return field.options[0];
  // A field added to the input model gets a valid answer from its own range.
  const t = field.spec.type;
  const inRange = t.kind === 'integer' || t.kind === 'number' ? String(Math.max(t.min, Math.min(1, t.max))) : '';
  return field.kind === 'date' ? (dates[field.name] ?? '2020-02-01') : (numbers[field.name] ?? inRange);
}

/** An input's problem, if any, is marked on it and told in words next to it, in Korean, never as a raw key. */
export function expectClearMessage(input: HTMLInputElement, key: string, problem: FieldError | undefined, t: Translate): void {
  expect(input.getAttribute('aria-invalid')).toBe(problem ? 'true' : null);
  if (!problem) return;
  expect(lookup(MESSAGES.ko, `validation.${problem.code}`), problem.code).toBeTruthy();
  const message = document.getElementById(`${inputId(key)}-error`)?.textContent ?? '';
  expect(message).toBe(errorText(problem, t, 'ko'));
  expect(message).not.toMatch(/^\s*$|validation\.|[{}]|undefined|NaN/);
  expect(input.getAttribute('aria-describedby')).toContain(`${inputId(key)}-error`);
}

/** Every answer but `except`, as the checker holds it now: what typing into one field must leave alone. */
export const otherAnswers = (checker: { raw(key: string): string }, answers: Map<string, string>, except: string) =>
  [...answers.keys()].filter((k) => k !== except).map((k) => [k, checker.raw(k)]);
