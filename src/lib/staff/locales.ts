/**
 * Staff-only messages in each language of the list (./locales/<code>.json; tests/ui/staff.test.ts
 * fails for a language without its file), added to svelte-i18n next to the app's own when staff
 * mode starts. The handout can be printed beside Korean in each of them.
 */
import { DEFAULT_LOCALE, isLocale, LANGUAGES, type Catalogue, type Locale } from '../i18n';

const FILES = import.meta.glob<Catalogue>('./locales/*.json', { query: '?catalogue', import: 'default', eager: true });

export const STAFF_CATALOGUES: Partial<Record<Locale, Catalogue>> = Object.fromEntries(
  Object.entries(FILES)
    .map(([file, catalogue]) => [file.slice('./locales/'.length, -'.json'.length), catalogue] as const)
    .filter(([code]) => isLocale(code)),
);

/** The languages a handout can be printed in beside Korean, in the list's order. */
export const HANDOUT_LANGUAGES = LANGUAGES.filter(({ code }) => code !== DEFAULT_LOCALE && STAFF_CATALOGUES[code]);
