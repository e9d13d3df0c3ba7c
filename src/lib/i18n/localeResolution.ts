/**
 * intl-messageformat resolves the locale of every message it compiles with
 * Intl.NumberFormat.supportedLocalesOf, whose first call makes the engine list every locale it
 * knows: ~50 ms in desktop Chromium, several times that on a cheap phone, all before the first
 * render. For a single locale the engine supports — all of ours — the answer is that locale itself,
 * so it is built directly; anything else still goes the library's way. Imported by ./index.ts
 * before svelte-i18n starts.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import { LANGUAGES } from '../languages';

const OURS = new Set<string>(LANGUAGES.flatMap((l) => [l.code, l.tag]));
const resolve = IntlMessageFormat.resolveLocale;

IntlMessageFormat.resolveLocale = (locales) => {
  const first = Array.isArray(locales) ? locales[0] : locales;
  return typeof first === 'string' && OURS.has(first) ? new Intl.Locale(first) : resolve(locales);
};
