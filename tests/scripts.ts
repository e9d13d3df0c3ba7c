/** The script check shared by the rule-text, message and browser tests (tests/rules, tests/ui, tests/e2e). */
import type { Language } from '../src/lib/languages';

export const SCRIPTS = ['Hangul', 'Han', 'Hiragana', 'Katakana', 'Latin', 'Cyrillic'];

/** Texts at least this long must show their language's marker; shorter ones may be a name or a figure. */
export const MARKED_LENGTH = 40;

/** What is wrong with `text` as a text in `language`, or null. */
export function scriptProblem(text: string | undefined, language: Language): string | null {
  if (typeof text !== 'string' || text.trim() === '') return 'missing or blank';
  for (const script of SCRIPTS) {
    if (language.scripts.includes(script)) continue;
    const found = text.match(new RegExp(`\\p{Script=${script}}+`, 'u'));
    if (found) return `${script} letters "${found[0]}"`;
  }
  if (language.marker && text.length >= MARKED_LENGTH && !language.marker.test(text)) return `no ${language.code} marker`;
  return null;
}

/**
 * Messages that may quote Korean on purpose in any language: an official term as the resident
 * meets it on Korean papers (소득인정액, 전세), what they may type (420만), or a CSV column's name.
 * Nothing on a results page.
 */
export const QUOTES_KOREAN = new Set([
  'income.whatIs',
  'questions.monthlyIncome.label',
  'questions.monthlyIncome.help',
  'questions.basicLivelihood.label',
  'questions.childcareServiceIncomeType.label',
  'questions.childcareServiceIncomeType.options.ga',
  'questions.childcareServiceIncomeType.options.na',
  'questions.childcareServiceIncomeType.options.da',
  'questions.childcareServiceIncomeType.options.ra',
  'questions.housingTenure.help',
  'questions.housingTenure.options.jeonse',
  'questions.housingDeposit.help',
  'questions.monthlyRent.help',
  'questions.residence.help',
  'validation.type.number',
  'validation.number.unit',
  'whatif.incomeLabel',
  'whatif.incomeInvalid',
  // Staff: the batch CSV's column names, which stay Korean in every language.
  'staff.batch.children',
]);
