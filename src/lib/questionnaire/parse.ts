/**
 * Raw answers (the text the resident typed or the option they picked) to input-model values.
 * Raw text always stays in the form state, so a bad entry never loses anything; only a value
 * that parses goes into the evaluated household.
 */
import { DATE_YEARS, inModelYears, isIsoDate, type FieldSpec, type IssueCode } from '../engine';

/** A validation problem: the engine's issue codes plus `date.format` (text that is not a date). */
export interface FieldError {
  code: string;
  params?: Record<string, string | number>;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: FieldError };

/**
 * Every problem code the app can show, each with a `validation.<code>` message in every locale.
 * Typed as a record so that a new engine code fails the type check until it is listed (and translated).
 */
export const PROBLEM_CODES: Record<IssueCode | 'date.format' | 'number.unit', true> = {
  notObject: true,
  required: true,
  unknownField: true,
  'type.boolean': true,
  'type.enum': true,
  'type.number': true,
  'type.integer': true,
  'number.range': true,
  'number.negative': true,
  'number.unit': true,
  'date.format': true,
  'date.invalid': true,
  'date.range': true,
  'date.future': true,
  'date.beforeBirth': true,
  'dueDate.past': true,
  'dueDate.tooFar': true,
  'members.empty': true,
  'members.tooMany': true,
  'householdSize.tooSmall': true,
  'pregnant.male': true,
  'pregnant.tooYoung': true,
  'birthRegistered.contradiction': true,
};

/** The "I don't know" answer to a yes/no or choice question. */
export const UNKNOWN_ANSWER = 'unknown';

const EMPTY: Parsed = { ok: true, value: undefined };

/**
 * Dates as people type them: 2024-03-05, 2024.3.5, 2024/03/05, 20240305, 2024년 3월 5일.
 * Returns the ISO date, or null when the text is not shaped like a date.
 */
export function normalizeDate(raw: string): string | null {
  const text = raw.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const parts = compact ? compact.slice(1) : /^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?$/.exec(text)?.slice(1);
  if (!parts) return null;
  const [y, m, d] = parts;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/**
 * Amounts as people type them: 4,200,000 · 4200000원 · 420만 · 420만원 · 120%. A bare small
 * income ("400") is not guessed at: parseAnswer asks whether 만원 was meant (askUnitBelow).
 * Returns NaN when the text is not a number.
 */
export function normalizeNumber(raw: string): number {
  const text = raw
    .trim()
    .replace(/[,\s_]/g, '')
    .replace(/(원|%|₩|krw)$/i, '')
    .replace(/^₩/, '');
  const man = /^(-?\d+(?:\.\d+)?)만$/.exec(text);
  if (man) return Math.round(Number(man[1]) * 10_000);
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(text)) return Number.NaN;
  return Number(text);
}

/** Parses one raw answer against its field spec. Empty text and "I don't know" mean unknown. */
export function parseAnswer(spec: FieldSpec, raw: string | undefined): Parsed {
  if (raw === undefined || raw.trim() === '' || raw === UNKNOWN_ANSWER) return EMPTY;
  const t = spec.type;
  switch (t.kind) {
    case 'boolean':
      return raw === 'true'
        ? { ok: true, value: true }
        : raw === 'false'
          ? { ok: true, value: false }
          : { ok: false, error: { code: 'type.boolean' } };
    case 'enum':
      return t.values.includes(raw) ? { ok: true, value: raw } : { ok: false, error: { code: 'type.enum' } };
    case 'date': {
      const iso = normalizeDate(raw);
      if (iso === null) return { ok: false, error: { code: 'date.format' } };
      if (!isIsoDate(iso)) return { ok: false, error: { code: 'date.invalid', params: { date: iso } } };
      return inModelYears(iso) ? { ok: true, value: iso } : { ok: false, error: { code: 'date.range', params: { ...DATE_YEARS } } };
    }
    case 'integer':
    case 'number': {
      const n = normalizeNumber(raw);
      if (!Number.isFinite(n)) return { ok: false, error: { code: 'type.number' } };
      if (n < 0) return { ok: false, error: { code: 'number.negative' } };
      if (t.kind === 'integer' && !Number.isInteger(n)) return { ok: false, error: { code: 'type.integer' } };
      if (n < t.min || n > t.max) return { ok: false, error: { code: 'number.range', params: { min: t.min, max: t.max } } };
      if (spec.askUnitBelow !== undefined && n > 0 && n < spec.askUnitBelow && /^[\d,.\s]+$/.test(raw.trim())) {
        return { ok: false, error: { code: 'number.unit', params: { amount: n, manwon: n * 10_000 } } };
      }
      return { ok: true, value: n };
    }
  }
}
