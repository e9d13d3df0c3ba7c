/**
 * Languages (the list: src/lib/languages): Korean is the reference (and the fallback). Each locale
 * file in ./locales is a chunk of its own, loaded when its language is first needed, together with
 * that language's rule texts (src/lib/rules/texts.ts): the page's language as the app starts (the
 * first screen itself is in the HTML; the screen waits for the messages only, the rule data for
 * the texts: src/main.ts), any other when it is chosen. Each arrives as a catalogue
 * (src/build/messagesPlugin.ts): a JSON.parse string with its messages already parsed.
 */
import { _, addMessages, init, locale, register, waitLocale } from 'svelte-i18n';
import { get } from 'svelte/store';
import { IntlMessageFormat } from 'intl-messageformat';
import { loadRuleTexts } from '../rules/texts';
import { loadCatalogue } from './catalogues';
import { addCompiled, parse, type Catalogue } from './compiled';
import { DEFAULT_LOCALE, isLocale, languageTag, LOCALES, type Locale } from '../languages';
import './localeResolution';

export { DEFAULT_LOCALE, isLocale, language, languageTag, LANGUAGES, LOCALES, nearestLocale, type Locale } from '../languages';

// The build has parsed every message (./compiled.ts). Set here as well as through the alias in
// vite.config.ts: the dev server bundles intl-messageformat with a copy of that module of its own.
IntlMessageFormat.__parse = parse;

/** Adds a catalogue's messages to svelte-i18n (`locale` may already have some: staff mode adds its own). */
export function addCatalogue(code: Locale, catalogue: Catalogue): void {
  addCompiled(catalogue.compiled);
  addMessages(code, catalogue.messages as never);
}

let started = false;

/** Registers the locales and starts svelte-i18n with `initial`, once its messages (and Korean's, the fallback) have loaded. */
export async function setupI18n(initial: Locale = DEFAULT_LOCALE): Promise<void> {
  if (started) return setLocale(initial);
  started = true;
  for (const code of LOCALES) {
    register(code, () =>
      loadCatalogue(code).then((catalogue) => {
        addCompiled(catalogue.compiled);
        return catalogue.messages;
      }),
    );
  }
  // init sets the locale once its messages have loaded. Setting it again meanwhile would set it at
  // once (the loaders have started, so svelte-i18n sees nothing left to wait for), before them.
  await init({ fallbackLocale: DEFAULT_LOCALE, initialLocale: initial });
  await waitLocale(initial);
}

/** Switches the language once its messages and rule texts have loaded. */
export async function setLocale(next: Locale): Promise<void> {
  await Promise.all([waitLocale(next), loadRuleTexts(next)]);
  await locale.set(next);
}

/** Keeps <html lang> and the page title in the current language (the title never carries an answer). */
export function followLocale(doc: Document = document): () => void {
  return locale.subscribe((value) => {
    if (!isLocale(value)) return;
    doc.documentElement.lang = languageTag(value);
    doc.title = get(_)('app.title');
  });
}

export type { Catalogue } from './compiled';
export { pickText, textLang, formatWon, formatDate, formatNumber } from './format';
