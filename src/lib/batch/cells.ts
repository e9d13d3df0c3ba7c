/**
 * One cell of the batch CSV to an input-model value, or the reason it cannot be one. Numbers are
 * plain decimals only (Number() would read 0x10, 0b11, 1e5 and '' too): thousands separators are
 * fine, and sums of money may end in 원, 만 or 만원 as Koreans write incomes (420만 = 4,200,000).
 */
import type { SheetText } from './reasons';
import { type Column, enumHints, enumLookups, enumWords, numberUnits } from './columns';

export type Converted = { ok: true; value: unknown } | { ok: false; reason: SheetText };

export const TRUE_WORDS = new Set(['예', '네', 'y', 'yes', 'true', '1', 'o', '○', '해당']);
export const FALSE_WORDS = new Set(['아니오', '아니요', 'n', 'no', 'false', '0', 'x', '×', '해당없음']);

const DECIMAL = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** How a number is written, by unit (also the legend's text). */
export const NUMBER_FORMS: Record<'won' | 'percent' | 'plain', SheetText> = {
  won: { ko: '4200000, 4,200,000, 420만 또는 420만원', en: '4200000, 4,200,000, 420만 or 420만원' },
  percent: { ko: '55 또는 55%', en: '55 or 55%' },
  plain: { ko: '3 또는 2.5 같은 숫자', en: 'a number such as 3 or 2.5' },
};

/** A plain decimal (optionally with its unit) as a number, or null. */
export function parseNumber(text: string, unit: 'won' | 'percent' | 'plain'): number | null {
  let body = text.trim();
  let shift = 0;
  if (unit === 'percent') body = body.replace(/\s*%$/, '');
  if (unit === 'won') {
    body = body.replace(/\s*원$/, '');
    if (/\s*만$/.test(body)) {
      body = body.replace(/\s*만$/, '');
      shift = 4;
    }
  }
  const m = DECIMAL.exec(body);
  if (!m) return null;
  const [, sign, whole, fraction = ''] = m;
  // Ten thousands moved by digits, not by multiplying: 1.15만 is 11500 exactly.
  const digits = whole.replace(/,/g, '') + fraction.padEnd(shift, '0').slice(0, shift);
  const rest = fraction.slice(shift);
  return Number(`${sign}${digits}${rest ? `.${rest}` : ''}`);
}

export function convertCell(column: Column, raw: string): Converted {
  const text = raw.trim();
  const spec = column.spec;
  if (!spec) return { ok: true, value: text };
  switch (spec.type.kind) {
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, reason: { ko: `예/아니오로 적어 주세요 ("${text}")`, en: `write yes or no ("${text}")` } };
    }
    case 'date': {
      const m = /^(\d{4})[-./]?\s?(\d{1,2})[-./]?\s?(\d{1,2})\.?$/.exec(text);
      if (!m)
        return { ok: false, reason: { ko: `날짜는 YYYY-MM-DD로 적어 주세요 ("${text}")`, en: `write dates as YYYY-MM-DD ("${text}")` } };
      return { ok: true, value: `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` };
    }
    case 'enum': {
      const words = enumWords[column.field] ?? {};
      const value = (Object.hasOwn(words, text) ? words[text] : null) ?? enumLookups[column.field]?.(text) ?? text.toLowerCase();
      if (spec.type.values.includes(value)) return { ok: true, value };
      const hint = enumHints[column.field];
      const choices = [...Object.keys(words), ...spec.type.values].join(', ');
      return {
        ok: false,
        reason: {
          ko: `다음 중 하나로 적어 주세요: ${hint ? hint.ko : choices} ("${text}")`,
          en: `write one of: ${hint ? hint.en : choices} ("${text}")`,
        },
      };
    }
    case 'integer':
    case 'number': {
      const unit = numberUnits[column.field] ?? 'plain';
      const value = parseNumber(text, unit);
      // As in the app: a bare small income ("400") may mean 400만원; the sheet must say which.
      if (value !== null && spec.askUnitBelow !== undefined && value > 0 && value < spec.askUnitBelow && /^[\d,.]+$/.test(text)) {
        const man = (value * 10_000).toLocaleString('en');
        return {
          ok: false,
          reason: {
            ko: `단위를 적어 주세요: ${man}원이면 "${value}만", ${value}원이면 "${value}원" ("${text}")`,
            en: `write the unit: "${value}만" for ${man} won, "${value}원" for ${value} won ("${text}")`,
          },
        };
      }
      if (value !== null) return { ok: true, value };
      const form = NUMBER_FORMS[unit];
      return { ok: false, reason: { ko: `숫자로 적어 주세요: ${form.ko} ("${text}")`, en: `write a number: ${form.en} ("${text}")` } };
    }
  }
}
