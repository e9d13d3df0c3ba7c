/**
 * The languages the checker speaks: the one list. Everything language-specific derives from it —
 * the Locale and rule Text types, the rule schema (a text in every language, none empty), loading
 * of message catalogues and rule texts, the language switch, `<html lang>`, Intl, the CLI's
 * --lang, the results CSV, the staff handout's columns and the tests. A new language is an entry
 * here plus its message files (src/lib/i18n/locales/<code>.json, src/lib/staff/locales/<code>.json
 * and its rule texts).
 * Korean comes first: it is the reference, the fallback and the language of the first screen.
 */

export interface Language {
  /** The code used in rule files, message file names, the CLI and storage. */
  readonly code: string;
  /** BCP 47 tag for `lang` attributes and Intl. */
  readonly tag: string;
  /** The language's name in itself, as the language switch shows it. */
  readonly name: string;
  /** Letters of this script (Unicode script names) may appear in its texts; others may not. */
  readonly scripts: readonly string[];
  /**
   * What a text of some length must contain to be in this language rather than left in another
   * (e.g. Vietnamese diacritics, which English never has); checked by the script tests.
   */
  readonly marker?: RegExp;
}

export const LANGUAGES = [
  { code: 'ko', tag: 'ko', name: '한국어', scripts: ['Hangul', 'Han', 'Latin'], marker: /\p{Script=Hangul}/u },
  { code: 'en', tag: 'en', name: 'English', scripts: ['Latin'] },
  { code: 'zh', tag: 'zh-Hans', name: '简体中文', scripts: ['Han', 'Latin'], marker: /\p{Script=Han}/u },
  {
    code: 'vi',
    tag: 'vi',
    name: 'Tiếng Việt',
    scripts: ['Latin'],
    marker: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu,
  },
  {
    code: 'ja',
    tag: 'ja',
    name: '日本語',
    scripts: ['Han', 'Hiragana', 'Katakana', 'Latin'],
    marker: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
  },
  // Filipino is the standard form of Tagalog; Intl and screen readers know it as "fil".
  { code: 'tl', tag: 'fil', name: 'Filipino', scripts: ['Latin'], marker: /\b(?:ang|ng|sa|mga|na|ay|para|at)\b/iu },
  { code: 'ru', tag: 'ru', name: 'Русский', scripts: ['Cyrillic', 'Latin'], marker: /\p{Script=Cyrillic}/u },
  { code: 'mn', tag: 'mn', name: 'Монгол хэл', scripts: ['Cyrillic', 'Latin'], marker: /\p{Script=Cyrillic}/u },
] as const satisfies readonly Language[];

export type Locale = (typeof LANGUAGES)[number]['code'];

export const LOCALES: readonly Locale[] = LANGUAGES.map((l) => l.code);

/** Korean: the reference language of every text, the fallback and the first screen's. */
export const DEFAULT_LOCALE: Locale = LANGUAGES[0].code;

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

const byCode = new Map<string, Language>(LANGUAGES.map((l) => [l.code, l]));

/** The entry for a supported code. */
export const language = (code: Locale): Language => byCode.get(code)!;

/** BCP 47 tag of a supported code (Korean's for anything else). */
export const languageTag = (code: string | null | undefined): string => byCode.get(code ?? '')?.tag ?? LANGUAGES[0].tag;

/** Our code for a lower-case code or tag ('zh-hans', 'fil', 'vi'); the page's inline script gets this table too. */
export const LOCALE_BY_TAG: Readonly<Record<string, Locale>> = Object.fromEntries(
  LANGUAGES.flatMap((l) => [
    [l.code, l.code],
    [l.tag.toLowerCase(), l.code],
  ]),
);

/**
 * The supported language nearest to a list of BCP 47 tags in order of preference (a browser's
 * navigator.languages, an element's lang): the first that is one of ours whole or by its language
 * subtag (vi-VN, zh-TW, fil-PH), or Korean.
 */
export function nearestLocale(tags: readonly string[]): Locale {
  for (const tag of tags) {
    const lower = String(tag).toLowerCase();
    const found = LOCALE_BY_TAG[lower] ?? LOCALE_BY_TAG[lower.split('-')[0]];
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

/** A text in every language of the list: rule files give each of their texts so. */
export type Text = Record<Locale, string>;
