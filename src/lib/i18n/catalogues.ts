/**
 * The app's message catalogues, one lazily loaded chunk per language (found by file name, so a
 * language needs no code of its own), and a translator over them for code outside Svelte (the
 * batch worker's CSV). svelte-i18n gets the same catalogues in ./index.ts.
 */
import type { Catalogue } from './compiled';
import { DEFAULT_LOCALE, type Locale } from '../languages';
import { translator, type Translate } from './translator';

const FILES = import.meta.glob<Catalogue>('./locales/*.json', { query: '?catalogue', import: 'default' });

export const loadCatalogue = (code: Locale): Promise<Catalogue> => FILES[`./locales/${code}.json`]();

/** `t` in `code`, falling back to Korean for a message the language lacks, as svelte-i18n does. */
export async function loadTranslator(code: Locale): Promise<Translate> {
  const korean = translator(await loadCatalogue(DEFAULT_LOCALE), DEFAULT_LOCALE);
  return code === DEFAULT_LOCALE ? korean : translator(await loadCatalogue(code), code, korean);
}
