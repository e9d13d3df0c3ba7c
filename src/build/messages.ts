/** The app's message catalogues in Node (the CLI, the rule catalogue): read from the locale files, parsed as the build parses them. */
import { readFileSync } from 'node:fs';
import { compileCatalogue } from './messagesPlugin';
import { DEFAULT_LOCALE, type Locale } from '../lib/languages';
import { translator, type Translate } from '../lib/i18n/translator';

const translators = new Map<Locale, Translate>();

export function translatorFor(code: Locale): Translate {
  let t = translators.get(code);
  if (!t) {
    const file = new URL(`../lib/i18n/locales/${code}.json`, import.meta.url);
    const catalogue = compileCatalogue(JSON.parse(readFileSync(file, 'utf8')), file.pathname);
    t = translator(catalogue, code, code === DEFAULT_LOCALE ? undefined : translatorFor(DEFAULT_LOCALE));
    translators.set(code, t);
  }
  return t;
}
