/** A rule text for test fixtures: Korean, and `en` in every other language of the list. */
import { translatorFor } from '../src/build/messages';
import { LOCALES, type Locale, type Text } from '../src/lib/languages';
import type { Lang } from '../src/lib/results/payload';

export const text = (ko: string, en: string = ko): Text =>
  Object.fromEntries(LOCALES.map((code) => [code, code === 'ko' ? ko : en])) as Text;

/** A payload or CSV language, with its messages as the CLI reads them. */
export const lang = (code: Locale): Lang => ({ code, t: translatorFor(code) });
