/** Numbers, won amounts and dates through Intl, and rule texts in the reader's language. */
import { DEFAULT_LOCALE, isLocale, languageTag, type Text } from '../languages';

type Loc = string | null | undefined;

const shown = (text: Partial<Text>, locale: Loc) => (isLocale(locale) && text[locale] !== undefined ? locale : DEFAULT_LOCALE);

/**
 * A rule text in `locale`. Rule files give every text in every language, but a language's rule
 * texts arrive with its messages (src/lib/rules/texts.ts): until then, and for anything unknown,
 * the Korean text, which is authoritative.
 */
export function pickText(text: Partial<Text> | undefined, locale: Loc): string {
  return text ? (text[shown(text, locale)] ?? '') : '';
}

/**
 * The language tag of a rule text shown in another language than the page's (Korean, until the
 * page language's texts have arrived), so screen readers switch voice (WCAG 3.1.2); undefined otherwise.
 */
export function textLang(text: Partial<Text> | undefined, locale: Loc): string | undefined {
  if (!text) return undefined;
  const lang = shown(text, locale);
  return lang === locale ? undefined : languageTag(lang);
}

/**
 * The Korean official name to show beside a benefit's translated name, so a resident can ask for
 * it by name; undefined on Korean pages or while the name is shown in Korean anyway.
 */
export function officialKorean(names: Partial<Text>, locale: Loc): string | undefined {
  return locale !== DEFAULT_LOCALE && textLang(names, locale) === undefined ? names.ko : undefined;
}

/**
 * A benefit's name as plain text (a calendar file): in the reader's language with the Korean
 * official name beside it, as the cards show it (src/lib/results/RuleName.svelte).
 */
export function nameWithKorean(names: Partial<Text>, locale: Loc): string {
  const name = pickText(names, locale);
  const korean = officialKorean(names, locale);
  return korean ? `${name} · ${korean}` : name;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** One formatter per language and precision, made when first used: making one costs far more than formatting (a batch writes millions of amounts). */
function numberFormat(locale: Loc, digits: number): Intl.NumberFormat {
  const tag = languageTag(locale);
  const key = `${tag} ${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number, locale: Loc): string {
  return numberFormat(locale, 2).format(value);
}

/** Grouped digits only; the unit (원, KRW, 韩元, won) comes from the message around it. */
export function formatWon(value: number, locale: Loc): string {
  return numberFormat(locale, 0).format(value);
}

const dateFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * Long dates in `tag`, or null where the browser has no calendar words for the language (Chromium
 * lacks Mongolian's and would write the date in its own default language instead).
 */
function dateFormat(tag: string): Intl.DateTimeFormat | null {
  if (!dateFormats.has(tag)) {
    const format = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
    const own = format.resolvedOptions().locale.split('-')[0] === tag.split('-')[0];
    dateFormats.set(tag, own ? format : null);
  }
  return dateFormats.get(tag)!;
}

/** A calendar date (YYYY-MM-DD) written the reader's way, e.g. 2025년 2월 15일 / February 15, 2025; as written where the language has no calendar words here. */
export function formatDate(iso: string, locale: Loc): string {
  const [y, m, d] = iso.split('-').map(Number);
  const format = dateFormat(languageTag(locale));
  if (!format) return iso;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as it is.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return format.format(date);
}
