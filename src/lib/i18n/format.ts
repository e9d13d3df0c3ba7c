/** Numbers, won amounts and dates through Intl, and rule texts in the reader's language. */
import type { Text } from '../engine/types';

const tag = (locale: string | null | undefined): string => (locale === 'zh' ? 'zh-Hans' : (locale ?? 'ko'));

/** A rule text in `locale`; zh and vi fall back to English where a rule file has none. */
export function pickText(text: Text | undefined, locale: string | null | undefined): string {
  if (!text) return '';
  if (locale === 'ko') return text.ko;
  if (locale === 'zh' || locale === 'vi') return text[locale] ?? text.en;
  return text.en;
}

/**
 * The language a rule text is shown in when it differs from the page's: 'en' where a zh or vi page
 * falls back to English, so screen readers switch voice (WCAG 3.1.2); undefined otherwise.
 */
export function textLang(text: Text | undefined, locale: string | null | undefined): 'en' | undefined {
  return text && (locale === 'zh' || locale === 'vi') && text[locale] === undefined ? 'en' : undefined;
}

export function formatNumber(value: number, locale: string | null | undefined): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 }).format(value);
}

/** Grouped digits only; the unit (원, KRW, 韩元, won) comes from the message around it. */
export function formatWon(value: number, locale: string | null | undefined): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }).format(value);
}

/** A calendar date (YYYY-MM-DD) written the reader's way, e.g. 2025년 2월 15일 / February 15, 2025. */
export function formatDate(iso: string, locale: string | null | undefined): string {
  const [y, m, d] = iso.split('-').map(Number);
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear takes the year as it is.
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return new Intl.DateTimeFormat(tag(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
