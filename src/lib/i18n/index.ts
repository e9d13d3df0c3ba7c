/**
 * Languages: Korean is the reference and ships in the initial bundle; English, Simplified Chinese
 * and Vietnamese load on demand (dynamic import) the first time they are chosen.
 */
import { _, addMessages, init, locale, register, waitLocale } from 'svelte-i18n';
import { get } from 'svelte/store';
import ko from './locales/ko.json';
import './localeResolution';

export const LOCALES = ['ko', 'en', 'zh', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'ko';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** BCP 47 tags for <html lang> and Intl. */
export const LANGUAGE_TAG: Record<Locale, string> = { ko: 'ko', en: 'en', zh: 'zh-Hans', vi: 'vi' };

let started = false;

/** Registers the locales and starts svelte-i18n with `initial` (Korean until another loads). */
export function setupI18n(initial: Locale = DEFAULT_LOCALE): Promise<void> {
  if (!started) {
    addMessages('ko', ko);
    register('en', () => import('./locales/en.json').then((m) => m.default));
    register('zh', () => import('./locales/zh.json').then((m) => m.default));
    register('vi', () => import('./locales/vi.json').then((m) => m.default));
    started = true;
    init({ fallbackLocale: DEFAULT_LOCALE, initialLocale: DEFAULT_LOCALE });
  }
  return setLocale(initial);
}

/** Switches the language once its messages have loaded. */
export async function setLocale(next: Locale): Promise<void> {
  await locale.set(next);
  await waitLocale(next);
}

/** Keeps <html lang> and the page title in the current language (the title never carries an answer). */
export function followLocale(doc: Document = document): () => void {
  return locale.subscribe((value) => {
    if (!isLocale(value)) return;
    doc.documentElement.lang = LANGUAGE_TAG[value];
    doc.title = get(_)('app.title');
  });
}

export { pickText, textLang, formatWon, formatDate, formatNumber } from './format';
